using DrainOrchestrator.Scheduling.Bench;

// Usage: DrainOrchestrator.Scheduling.Bench [--quick] [--suite bench/scenarios/suite.yaml] [--out bench/results]
//        [--only a,c] [--blind]
// Prefer scripts/bench.sh, which builds in Release and writes the results.
return BenchApplication.Run(args);
