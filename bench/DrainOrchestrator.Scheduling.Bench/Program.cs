using DrainOrchestrator.Scheduling.Bench;

// Usage: DrainOrchestrator.Scheduling.Bench [--quick] [--suite bench/scenarios/suite.yaml] [--out bench/results]
//        [--only a,c] [--blind | --with-blind]
// Prefer scripts/bench.sh, which builds in Release and writes the results.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
return await BenchApplication.RunAsync(args, stop.Token);
