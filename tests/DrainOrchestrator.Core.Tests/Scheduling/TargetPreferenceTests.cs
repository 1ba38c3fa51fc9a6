using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>A rolling upgrade's targets: upgraded nodes first, the nodes of later batches only when nothing else has room.</summary>
public sealed class TargetPreferenceTests
{
    private static VmiSnapshot[] Vmis(string node, int count, long memoryGiB = 4) =>
        [.. Enumerable.Range(0, count).Select(i => Make.Vmi($"{node}-vm{i}", node, memoryGiB))];

    private static List<string> Targets(SchedulerState state) =>
        [.. DrainScheduler.Decide(state, T0).Actions.OfType<StartMigration>().Select(s => s.TargetNode)];

    [Fact]
    public void Decide_PreferredTargets_FilledBeforeEmptierNeutralNodes()
    {
        var cluster = Make.Cluster([Make.Node("src"), Make.Node("upgraded", memoryGiB: 32), Make.Node("spare", memoryGiB: 512)], Vmis("src", 1));
        var state = State(cluster, ["src"]) with { PreferredTargets = new HashSet<string> { "upgraded" } };

        Assert.Equal(["upgraded"], Targets(state));
    }

    [Fact]
    public void Decide_PreferredTargetsAtInboundLimit_NeutralNodeTakesTheNext()
    {
        var cluster = Make.Cluster([Make.Node("src1"), Make.Node("src2"), Make.Node("upgraded"), Make.Node("spare")], [.. Vmis("src1", 1), .. Vmis("src2", 1)]);
        var policy = new DrainPolicy { MaxInboundPerNode = 1 };
        var state = State(cluster, ["src1", "src2"], policy) with { PreferredTargets = new HashSet<string> { "upgraded" } };

        Assert.Equal(["spare", "upgraded"], Targets(state).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Decide_OnlyLaterNodesHaveRoom_LaterNodeUsedAsLastResort()
    {
        var cluster = Make.Cluster([Make.Node("src"), Make.Node("upgraded", memoryGiB: 2), Make.Node("later")], Vmis("src", 1));
        var state = State(cluster, ["src"]) with
        {
            PreferredTargets = new HashSet<string> { "upgraded" },
            LaterDrainNodes = new HashSet<string> { "later" },
        };

        Assert.Equal(["later"], Targets(state));
    }

    [Fact]
    public void Decide_UpgradedNodeBusyReceiving_WaitsRatherThanUseALaterNode()
    {
        var cluster = Make.Cluster([Make.Node("src1"), Make.Node("src2"), Make.Node("upgraded"), Make.Node("later", memoryGiB: 512)],
            [.. Vmis("src1", 1), .. Vmis("src2", 1)]);
        var policy = new DrainPolicy { MaxInboundPerNode = 1 };
        var state = State(cluster, ["src1", "src2"], policy) with
        {
            PreferredTargets = new HashSet<string> { "upgraded" },
            LaterDrainNodes = new HashSet<string> { "later" },
        };

        var decision = DrainScheduler.Decide(state, T0);

        Assert.Equal(["upgraded"], decision.Actions.OfType<StartMigration>().Select(s => s.TargetNode));
        Assert.Single(decision.WithoutTarget);
        Assert.False(decision.IsStuck);
    }

    [Fact]
    public void Decide_NodeBothPreferredAndLater_CountsAsLater()
    {
        var cluster = Make.Cluster([Make.Node("src"), Make.Node("both", memoryGiB: 512), Make.Node("plain")], Vmis("src", 1));
        var state = State(cluster, ["src"]) with
        {
            PreferredTargets = new HashSet<string> { "both" },
            LaterDrainNodes = new HashSet<string> { "both" },
        };

        Assert.Equal(["plain"], Targets(state));
    }
}
