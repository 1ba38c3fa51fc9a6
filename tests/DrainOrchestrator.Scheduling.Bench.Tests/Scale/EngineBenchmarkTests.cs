using DrainOrchestrator.Scale.Bench.Engine;

namespace DrainOrchestrator.Scheduling.Bench.Tests.Scale;

public sealed class EngineBenchmarkTests
{
    // The scale bench's engine mode at a tiny size: the real engine drains the simulated cluster and every figure is
    // measured. Timing is not asserted (the bench reports it); that the engine moved VMs, and was timed doing so, is.
    [Fact]
    public async Task RunAsync_TinyCluster_MigratesAndMeasuresPassesRefillsAndCpu()
    {
        var options = EngineBenchOptions.Smoke;

        var result = await EngineBenchmark.RunAsync(options, 7, TextWriter.Null, CancellationToken.None);

        Assert.True(result.Migrations >= options.Migrations, $"{result.Migrations} migrations measured");
        Assert.True(result.Passes.Count > 0, "no pass was timed");
        Assert.True(result.Refills.Count > 0, "no refill was timed");
        Assert.True(result.EngineCpuMsPerMigration > 0, $"engine CPU {result.EngineCpuMsPerMigration} ms per migration");
        Assert.True(result.AllocatedKiBPerMigration > 0, $"{result.AllocatedKiBPerMigration} KiB allocated per migration");
        Assert.Equal(options.Size.DrainedNodes, result.DrainedNodes);
    }
}
