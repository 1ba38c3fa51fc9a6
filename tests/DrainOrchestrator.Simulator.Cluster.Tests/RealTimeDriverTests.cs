using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Simulator.Cluster.Tests;

public sealed class RealTimeDriverTests
{
    [Fact]
    public async Task RunAsync_ClockTicks_ModelFollowsTimeProvider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var cluster = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(1), new SimulationOptions { StartTime = clock.GetUtcNow() });
        cluster.Migrate("a-1");
        using var cts = new CancellationTokenSource();
        var run = new RealTimeDriver(cluster, clock, TimeSpan.FromMilliseconds(500)).RunAsync(cts.Token);

        for (var i = 0; i < 60; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            var expected = clock.GetUtcNow();
            Assert.True(SpinWait.SpinUntil(() => cluster.Now == expected, TimeSpan.FromSeconds(5)));
        }

        await cts.CancelAsync();
        await run;

        Assert.Equal(MigrationPhase.Succeeded, cluster.GetMigration(TestClusters.Ns, "mig-a-1")!.Phase);
    }
}
