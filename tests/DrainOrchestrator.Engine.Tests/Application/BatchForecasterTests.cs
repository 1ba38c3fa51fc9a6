using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Engine.Tests.Application;

/// <summary>The workflow plan's forecast: batches drained in turn, each VM placed once where capacity allows, the rest named.</summary>
public sealed class BatchForecasterTests
{
    private const long GiB = 1L << 30;
    private static readonly Dictionary<string, string> None = [];

    private static NodeSnapshot Node(string name, long memoryGiB, long requestedGiB = 0) =>
        new(name, new Dictionary<string, string> { ["kubernetes.io/hostname"] = name }, [], false, true, memoryGiB * GiB, requestedGiB * GiB, null, "v1.32.1");

    private static VmiSnapshot Vmi(string name, string node, long memoryGiB) =>
        new("prod", name, "uid-" + name, node, None, None, memoryGiB * GiB, None, [], [], true, null, EvictionStrategy.LiveMigrate, RunStrategy.Always, null);

    private static ClusterSnapshot Cluster(NodeSnapshot[] nodes, VmiSnapshot[] vmis) => new(nodes, vmis, ClusterMigrationConfig.KubeVirtDefaults, [], []);

    [Fact]
    public void Forecast_SpareNodeFirst_EveryVmMovesOnceOntoEarlierBatches()
    {
        // a is empty (the spare), b and c each hold 12 GiB of VMs on nodes of 16 GiB.
        var cluster = Cluster([Node("a", 16), Node("b", 16, 12), Node("c", 16, 12)], [Vmi("b1", "b", 8), Vmi("b2", "b", 4), Vmi("c1", "c", 8), Vmi("c2", "c", 4)]);

        var forecast = BatchForecaster.Forecast(cluster, [["a"], ["b"], ["c"]], new DrainPolicy());

        Assert.Equal([0, 2, 2], forecast.Select(b => b.Migrations));
        Assert.All(forecast, b => Assert.Empty(b.MovesTwice));
    }

    [Fact]
    public void Forecast_TooLittleRoomOutsideLaterBatches_NamesTheVmsThatMoveTwiceWithWhy()
    {
        // Draining b first: only a (8 GiB) is outside the later batch c, so one of b's 8 GiB VMs must go to c.
        var cluster = Cluster([Node("a", 8), Node("b", 32, 16), Node("c", 64)], [Vmi("b1", "b", 8), Vmi("b2", "b", 8)]);

        var forecast = BatchForecaster.Forecast(cluster, [["b"], ["c"]], new DrainPolicy());

        var twice = Assert.Single(forecast[0].MovesTwice);
        Assert.Equal(("b", "c"), (twice.From, twice.To));
        Assert.Contains("lack the memory", twice.Why, StringComparison.Ordinal);
        Assert.Equal(1, forecast[1].Migrations);
        Assert.Empty(forecast[1].MovesTwice);
    }

    [Fact]
    public void Forecast_LaterBatchesSeeTheVmsWhereEarlierOnesPutThem()
    {
        // b's second VM finds no room outside the later batches (a is full with the first) and goes to d; draining d
        // last moves it again, which only a forecast that moved it there can see.
        var cluster = Cluster([Node("a", 8), Node("b", 16, 16), Node("c", 8, 8), Node("d", 64)],
            [Vmi("b1", "b", 8), Vmi("b2", "b", 8), Vmi("c1", "c", 8)]);

        var forecast = BatchForecaster.Forecast(cluster, [["a"], ["b"], ["c"], ["d"]], new DrainPolicy());

        Assert.Equal([0, 2, 1, 1], forecast.Select(b => b.Migrations));
        Assert.Equal("d", Assert.Single(forecast[1].MovesTwice).To);
        Assert.Empty(forecast[2].MovesTwice);
    }

    [Fact]
    public void Forecast_AVmThatCannotLiveMigrateUnderSkip_NamedAsLeftInPlaceWithWhy()
    {
        var pinned = Vmi("b2", "b", 4) with { LiveMigratable = false, LiveMigratableReason = "a hostPath disk" };
        var cluster = Cluster([Node("a", 16), Node("b", 16, 12)], [Vmi("b1", "b", 8), pinned]);

        var forecast = BatchForecaster.Forecast(cluster, [["b"]], new DrainPolicy { NonMigratableAction = NonMigratableAction.Skip });

        var batch = Assert.Single(forecast);
        Assert.Equal((1, 0), (batch.Migrations, batch.Blocked));
        var skipped = Assert.Single(batch.Skipped);
        Assert.StartsWith("prod/b2: ", skipped, StringComparison.Ordinal);
        Assert.Contains("hostPath", skipped, StringComparison.Ordinal);
        Assert.Empty(batch.Restarted);
    }
}
