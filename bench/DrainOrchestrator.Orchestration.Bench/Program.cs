using DrainOrchestrator.Orchestration.Bench;

// Usage: DrainOrchestrator.Orchestration.Bench [--quick] [--runs N] [--speed N] [--out bench/results] ... (--help lists every flag)
// Prefer scripts/bench.sh, which builds in Release (drainctl and drain-sim included) and runs it after the scheduling bench.
return await BenchApplication.RunAsync(args);
