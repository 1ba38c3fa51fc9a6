using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Planning;

/// <summary>A move-back's plan: each VM back to its origin when the origin is back and has room, else left with its reason.</summary>
public sealed class ReturnPlannerTests
{
    private static readonly DrainPolicy Policy = new();

    private static VmReturn Return(string vm, string origin, string movedTo) => new("uid-" + vm, "default", vm, origin, movedTo);

    private static PlannedVmi Item(DrainPlan plan, string vm) => plan.Items.Single(i => i.Vmi.Name == vm);

    [Fact]
    public void Plan_OriginBackWithRoom_PinnedToItsOriginFromWhereTheDrainMovedIt()
    {
        var cluster = Make.Cluster([Make.Node("home"), Make.Node("spare", memoryGiB: 512), Make.Node("other", memoryGiB: 512)],
            [Make.Vmi("a", "spare")]);

        var plan = ReturnPlanner.Plan(cluster, [Return("a", "home", "spare")], Policy);

        var item = Item(plan, "a");
        Assert.Equal((PlanDisposition.Migrate, "home", 1), (item.Disposition, item.PinnedTarget, item.Wave));
        Assert.Equal(["spare"], plan.Nodes);
        Assert.False(plan.IsBlocked);
    }

    [Theory]
    [InlineData(false, false, "is not Ready")]
    [InlineData(true, true, "is still cordoned")]
    public void Plan_OriginNotBack_LeftInPlaceWithTheReason(bool cordoned, bool ready, string why)
    {
        var cluster = Make.Cluster([Make.Node("home", ready: ready, unschedulable: cordoned), Make.Node("spare")], [Make.Vmi("a", "spare")]);

        var item = Item(ReturnPlanner.Plan(cluster, [Return("a", "home", "spare")], Policy), "a");

        Assert.Equal((PlanDisposition.Skip, BlockReason.OriginNotBack), (item.Disposition, item.Reason));
        Assert.Contains(why, item.Detail, StringComparison.Ordinal);
        Assert.Null(item.PinnedTarget);
    }

    [Fact]
    public void Plan_AfterACrashOriginCordonedWhileAReturnIsInFlight_ThatReturnStaysPlannedTheOtherIsLeft()
    {
        // The first run started a's return; before the second run the origin was cordoned (and b not started yet).
        var cluster = Make.Cluster([Make.Node("home", unschedulable: true), Make.Node("spare")], [Make.Vmi("a", "spare"), Make.Vmi("b", "spare")]);
        var planned = new HashSet<string> { "uid-a", "uid-b" };

        var plan = ReturnPlanner.Plan(cluster, [Return("a", "home", "spare"), Return("b", "home", "spare")], Policy,
            planned: planned, underWay: new HashSet<string> { "uid-a" });

        Assert.Equal((PlanDisposition.Migrate, "home", BlockReason.None), (Item(plan, "a").Disposition, Item(plan, "a").PinnedTarget, Item(plan, "a").Reason));
        Assert.Equal((PlanDisposition.Skip, BlockReason.OriginNotBack), (Item(plan, "b").Disposition, Item(plan, "b").Reason));
    }

    [Fact]
    public void Plan_OriginGoneOrDrainedByAnother_LeftInPlace()
    {
        var cluster = Make.Cluster([Make.Node("drained"), Make.Node("spare")], [Make.Vmi("a", "spare"), Make.Vmi("b", "spare")]);

        var plan = ReturnPlanner.Plan(cluster, [Return("a", "gone", "spare"), Return("b", "drained", "spare")], Policy,
            otherDrainingNodes: new HashSet<string> { "drained" });

        Assert.Contains("no longer exists", Item(plan, "a").Detail, StringComparison.Ordinal);
        Assert.Contains("is being drained", Item(plan, "b").Detail, StringComparison.Ordinal);
        Assert.All(plan.Items, i => Assert.Equal(BlockReason.OriginNotBack, i.Reason));
    }

    [Fact]
    public void Plan_OriginRoomForOnlyOne_LargestReturnsTheOtherLeftAsFull()
    {
        var cluster = Make.Cluster([Make.Node("home", memoryGiB: 10), Make.Node("spare")],
            [Make.Vmi("big", "spare", memoryGiB: 8), Make.Vmi("small", "spare", memoryGiB: 4)]);

        var plan = ReturnPlanner.Plan(cluster, [Return("small", "home", "spare"), Return("big", "home", "spare")], Policy);

        Assert.Equal(PlanDisposition.Migrate, Item(plan, "big").Disposition);
        Assert.Equal((PlanDisposition.Skip, BlockReason.OriginFull), (Item(plan, "small").Disposition, Item(plan, "small").Reason));
    }

    [Fact]
    public void Plan_MovedSinceOrGone_LeftInPlaceAndNamed()
    {
        var cluster = Make.Cluster([Make.Node("home"), Make.Node("spare"), Make.Node("elsewhere")], [Make.Vmi("moved", "elsewhere")]);

        var plan = ReturnPlanner.Plan(cluster, [Return("moved", "home", "spare"), Return("deleted", "home", "spare")], Policy);

        Assert.All(plan.Items, i => Assert.Equal((PlanDisposition.Skip, BlockReason.MovedSince), (i.Disposition, i.Reason)));
        Assert.Contains("runs on elsewhere, not on spare", Item(plan, "moved").Detail, StringComparison.Ordinal);
        Assert.Contains("no longer exists", Item(plan, "deleted").Detail, StringComparison.Ordinal);
        Assert.Empty(plan.Waves);
    }

    [Fact]
    public void Plan_AfterACrashOneAlreadyHome_StaysPlannedFromWhereItWas()
    {
        var cluster = Make.Cluster([Make.Node("home"), Make.Node("spare")], [Make.Vmi("a", "home")]);

        var item = Item(ReturnPlanner.Plan(cluster, [Return("a", "home", "spare")], Policy, planned: new HashSet<string> { "uid-a" }), "a");
        var fresh = Item(ReturnPlanner.Plan(cluster, [Return("a", "home", "spare")], Policy), "a");

        Assert.Equal((PlanDisposition.Migrate, "spare", "home"), (item.Disposition, item.Vmi.NodeName, item.PinnedTarget));
        Assert.Equal(BlockReason.MovedSince, fresh.Reason);
        Assert.Contains("already back on home", fresh.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PinnedReturn_StartsOnlyToItsOriginAndWaitsWhileTheOriginIsFull()
    {
        var cluster = Make.Cluster([Make.Node("home"), Make.Node("spare"), Make.Node("roomy", memoryGiB: 1024)], [Make.Vmi("a", "spare")]);
        var plan = ReturnPlanner.Plan(cluster, [Return("a", "home", "spare")], Policy);
        var state = new SchedulerState(DrainId, cluster, plan, [], Policy);
        var filled = cluster with { Nodes = [Make.Node("home", requestedGiB: 63), .. cluster.Nodes.Skip(1)] };

        var start = Assert.Single(DrainScheduler.Decide(state, T0).Actions.OfType<StartMigration>());
        var waiting = DrainScheduler.Decide(state with { Cluster = filled }, T0);

        Assert.Equal(("spare", "home"), (start.SourceNode, start.TargetNode));
        Assert.Empty(waiting.Actions);
        Assert.Single(waiting.WithoutTarget);
    }
}
