using DrainOrchestrator.Server.Bench;

// Usage: DrainOrchestrator.Server.Bench [--smoke] [--only api,sse,refill] [--clients N] [--subscribers N] [--out DIR] ...
// Prefer scripts/bench.sh, which builds in Release (drainctl and drain-sim included); scripts/bench.sh --server-only runs this alone.
return await ServerBenchApplication.RunAsync(args);
