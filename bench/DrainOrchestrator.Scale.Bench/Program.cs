using DrainOrchestrator.Scale.Bench;

// Usage: DrainOrchestrator.Scale.Bench [--quick] [--out DIR] [--sizes 1000x20000,5000x100000] [--decisions N]
//        [--no-report] [--report-attempts N] [--trace FILE] [--no-engine | --engine-only] [--engine-size NODESxVMIS]
//        [--engine-migrations N] [--engine-label LABEL]
// Prefer scripts/bench.sh, which builds in Release and writes bench/results/scale.json and scale.md.
return await ScaleApplication.RunAsync(args);
