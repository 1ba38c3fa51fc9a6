using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Planning;

public sealed class DrainPlannerTests
{
    private static readonly NodeSnapshot[] Nodes = [Make.Node("n1"), Make.Node("n2"), Make.Node("n3"), Make.Node("n4")];

    private static DrainPlan Plan(IReadOnlyList<VmiSnapshot> vmis, DrainPolicy? policy = null, IReadOnlyList<NodeSnapshot>? nodes = null,
        ClusterMigrationConfig? config = null) =>
        DrainPlanner.Plan(Make.Cluster(nodes ?? Nodes, vmis, config), ["n1", "n2"], policy ?? new DrainPolicy());

    [Fact]
    public void Plan_OnlyVmisOnDrainedNodes_AllMigrateToOtherNodes()
    {
        var plan = Plan([Make.Vmi("a", "n1"), Make.Vmi("b", "n2"), Make.Vmi("c", "n3")]);

        Assert.False(plan.IsBlocked);
        Assert.Equal(["a", "b"], plan.Items.Select(i => i.Vmi.Name).Order());
        Assert.All(plan.Items, i => Assert.Contains(i.TentativeTarget, new[] { "n3", "n4" }));
    }

    [Fact]
    public void Plan_NotLiveMigratableUnderBlock_BlockedWithReason()
    {
        var plan = Plan([Make.Vmi("a", "n1", liveMigratable: false, reason: "DisksNotLiveMigratable"), Make.Vmi("b", "n1")]);

        var blocker = Assert.Single(plan.Blockers);
        Assert.Equal(BlockReason.NotLiveMigratable, blocker.Reason);
        Assert.Contains("DisksNotLiveMigratable", blocker.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NonMigratableUnderSkip_SkippedAndRestMigrates()
    {
        var plan = Plan([Make.Vmi("a", "n1", eviction: EvictionStrategy.None), Make.Vmi("b", "n1")],
            new DrainPolicy { NonMigratableAction = NonMigratableAction.Skip });

        Assert.False(plan.IsBlocked);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal(BlockReason.EvictionStrategyNone, skipped.Reason);
        Assert.Equal("b", Assert.Single(Assert.Single(plan.Waves).Items).Vmi.Name);
    }

    [Fact]
    public void Plan_UnsetEviction_UsesClusterDefault()
    {
        var config = ClusterMigrationConfig.KubeVirtDefaults with { DefaultEvictionStrategy = EvictionStrategy.None };

        var plan = Plan([Make.Vmi("a", "n1", eviction: EvictionStrategy.Unset)], config: config);

        Assert.Equal(BlockReason.EvictionStrategyNone, Assert.Single(plan.Blockers).Reason);
    }

    [Fact]
    public void Plan_ShutdownPolicy_RestartsOnlyWhatItsRunStrategyRestarts()
    {
        var plan = Plan(
            [
                Make.Vmi("always", "n1", liveMigratable: false),
                Make.Vmi("bare", "n1", liveMigratable: false, runStrategy: RunStrategy.None),
            ],
            new DrainPolicy { NonMigratableAction = NonMigratableAction.Shutdown });

        Assert.Equal(PlanDisposition.Restart, plan.Items.Single(i => i.Vmi.Name == "always").Disposition);
        Assert.Equal("bare", Assert.Single(plan.Blockers).Vmi.Name);
    }

    [Fact]
    public void Plan_NoNodeAdmits_NoFeasibleTarget()
    {
        var plan = Plan([Make.Vmi("a", "n1", nodeSelector: Make.Labels("gpu=true"))]);

        Assert.Equal(BlockReason.NoFeasibleTarget, Assert.Single(plan.Blockers).Reason);
    }

    [Fact]
    public void Plan_NotEnoughMemoryForAll_InsufficientCapacity()
    {
        var nodes = new[] { Make.Node("n1"), Make.Node("n2"), Make.Node("n3", memoryGiB: 10) };

        var plan = Plan([Make.Vmi("a", "n1", memoryGiB: 6), Make.Vmi("b", "n2", memoryGiB: 6)], nodes: nodes);

        Assert.Equal(BlockReason.InsufficientCapacity, Assert.Single(plan.Blockers).Reason);
    }

    [Theory]
    [InlineData(NonMigratableAction.Skip)]
    [InlineData(NonMigratableAction.Shutdown)]
    public void Plan_NoRoomUnderSkipOrShutdown_BlocksTheDrainNotSkipped(NonMigratableAction action)
    {
        // Skip and shutdown are for VMs that cannot move; a VM that could move but finds no room is a capacity problem:
        // skipped, it left the node not empty under a drain that ended succeeded.
        var nodes = new[] { Make.Node("n1"), Make.Node("n2"), Make.Node("n3", memoryGiB: 10), Make.Node("n4", memoryGiB: 4) };

        var plan = Plan([Make.Vmi("a", "n1", memoryGiB: 6), Make.Vmi("b", "n2", memoryGiB: 6), Make.Vmi("big", "n1", memoryGiB: 12)],
            new DrainPolicy { NonMigratableAction = action }, nodes);

        Assert.True(plan.IsBlocked);
        Assert.Empty(plan.Skipped);
        Assert.Equal(["b", "big"], plan.Blockers.Select(b => b.Vmi.Name).Order());
        Assert.Equal(BlockReason.InsufficientCapacity, plan.Blockers.Single(b => b.Vmi.Name == "b").Reason);
        var big = plan.Blockers.Single(b => b.Vmi.Name == "big");
        Assert.Equal(BlockReason.NoFeasibleTarget, big.Reason);
        Assert.Contains("has the 12884901888 bytes of memory it needs", big.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ARestartWithNoRoomUnderShutdown_Blocks()
    {
        // Restarted, it would start nowhere: the drain is blocked before anything stops.
        var nodes = new[] { Make.Node("n1"), Make.Node("n2"), Make.Node("n3", memoryGiB: 4), Make.Node("n4", memoryGiB: 4) };

        var plan = Plan([Make.Vmi("legacy", "n1", liveMigratable: false, memoryGiB: 8)], new DrainPolicy { NonMigratableAction = NonMigratableAction.Shutdown }, nodes);

        var blocker = Assert.Single(plan.Blockers);
        Assert.Equal("legacy", blocker.Vmi.Name);
        Assert.Contains("bytes of memory it needs", blocker.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NoNodeAdmitsUnderSkip_PinnedVmSkippedAndTheRestMoves()
    {
        var plan = Plan([Make.Vmi("pinned", "n1", nodeSelector: Make.Labels("gpu=true")), Make.Vmi("b", "n1")],
            new DrainPolicy { NonMigratableAction = NonMigratableAction.Skip });

        Assert.False(plan.IsBlocked);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal(BlockReason.NoFeasibleTarget, skipped.Reason);
        Assert.Contains("admits it (taints, nodeSelector or affinity)", skipped.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Waves_NoLargerThanLimitsAndLongestFirst()
    {
        var vmis = Enumerable.Range(0, 23).Select(i => Make.Vmi("v" + i, i % 3 == 0 ? "n2" : "n1", memoryGiB: 1 + (i % 5))).ToList();
        var policy = new DrainPolicy { MaxParallelMigrations = 3, MaxOutboundPerNode = 2 };

        var plan = Plan(vmis, policy);

        Assert.Equal(23, plan.Waves.Sum(w => w.Items.Count));
        Assert.All(plan.Waves, w => Assert.True(w.Items.Count <= 3));
        Assert.All(plan.Waves, w => Assert.All(w.Items.GroupBy(i => i.Vmi.NodeName), g => Assert.True(g.Count() <= 2)));
        Assert.Equal(plan.Waves.SelectMany(w => w.Items).Max(i => i.Estimate.Duration), plan.Waves[0].PredictedDuration);
        Assert.True(plan.PredictedMakespan > TimeSpan.Zero);
    }

    [Fact]
    public void Plan_HighDirtyRateOnSharedNic_NeedsDedicatedBandwidthAndGetsItsWaveSlotAlone()
    {
        var nodes = new[] { Make.Node("n1", nic: 1_000_000_000), Make.Node("n2"), Make.Node("n3"), Make.Node("n4") };
        var vmis = new[]
        {
            Make.Vmi("hot", "n1", memoryGiB: 8, dirtyRate: 700_000_000),
            Make.Vmi("cold1", "n1"), Make.Vmi("cold2", "n1"),
        };

        var plan = Plan(vmis, nodes: nodes);

        var hot = plan.Items.Single(i => i.Vmi.Name == "hot");
        Assert.True(hot.NeedsDedicatedBandwidth);
        Assert.Equal(MigrationMode.PreCopy, hot.Estimate.Mode);
        Assert.Single(plan.Waves.Single(w => w.Items.Contains(hot)).Items);
    }

    [Fact]
    public void Plan_SharedNic_AloneEstimateIsTheFasterPredictionTheSchedulerTimesStartsWith()
    {
        var nodes = new[] { Make.Node("n1", nic: 1_250_000_000), Make.Node("n2"), Make.Node("n3") };

        var item = Plan([Make.Vmi("a", "n1", memoryGiB: 8, dirtyRate: 50_000_000)], nodes: nodes).Items.Single();

        Assert.False(item.NeedsDedicatedBandwidth);
        Assert.Equal(1_250_000_000, item.AloneEstimate!.BandwidthBytesPerSecond);
        Assert.Equal(625_000_000, item.Estimate.BandwidthBytesPerSecond);
        Assert.True(item.AloneEstimate.Duration < item.Estimate.Duration);
    }

    [Fact]
    public void Plan_HistoryOfSlowThroughput_LengthensPrediction()
    {
        var vmi = Make.Vmi("a", "n1", memoryGiB: 8, dirtyRate: 0);
        var cluster = Make.Cluster(Nodes, [vmi]);
        var history = new MigrationHistory([new ObservedMigration(vmi.Uid, "n1", 100_000_000, null)]);

        var fresh = DrainPlanner.Plan(cluster, ["n1"], new DrainPolicy());
        var refined = DrainPlanner.Plan(cluster, ["n1"], new DrainPolicy(), history);

        Assert.True(refined.Items[0].Estimate.Duration > fresh.Items[0].Estimate.Duration * 3);
    }
}
