using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Planning;

/// <summary>The plan of a rolling upgrade's batch: preferred nodes first, and the VMs that must land on a later batch named.</summary>
public sealed class DoubleMoveTests
{
    private static DrainPlan Plan(IReadOnlyList<NodeSnapshot> nodes, IReadOnlyList<VmiSnapshot> vmis, string[]? later = null, string[]? preferred = null) =>
        DrainPlanner.Plan(Make.Cluster(nodes, vmis), ["src"], new DrainPolicy(), null, null,
            new TargetPreference(later?.ToHashSet(StringComparer.Ordinal), preferred?.ToHashSet(StringComparer.Ordinal)));

    [Fact]
    public void Plan_RoomOutsideLaterNodes_NothingMovesTwiceAndPreferredFilledFirst()
    {
        var plan = Plan([Make.Node("src"), Make.Node("upgraded", memoryGiB: 16), Make.Node("spare", memoryGiB: 64), Make.Node("later", memoryGiB: 512)],
            [Make.Vmi("a", "src", 8), Make.Vmi("b", "src", 8), Make.Vmi("c", "src", 8)], later: ["later"], preferred: ["upgraded"]);

        Assert.Empty(plan.MovesTwice);
        Assert.Equal(2, plan.Items.Count(i => i.TentativeTarget == "upgraded"));
        Assert.Equal("spare", Assert.Single(plan.Items, i => i.TentativeTarget != "upgraded").TentativeTarget);
    }

    [Fact]
    public void Plan_CapacityShortOutsideLaterNodes_NamesTheVmsThatMoveTwiceAndWhy()
    {
        var plan = Plan([Make.Node("src"), Make.Node("upgraded", memoryGiB: 20), Make.Node("later", memoryGiB: 512)],
            [Make.Vmi("big", "src", 16), Make.Vmi("small", "src", 8)], later: ["later"], preferred: ["upgraded"]);

        var twice = Assert.Single(plan.MovesTwice);
        Assert.Equal("small", twice.Item.Vmi.Name);
        Assert.Equal("later", twice.Item.TentativeTarget);
        Assert.True(twice.CapacityShort);
        Assert.Contains(plan.Warnings, w => w.StartsWith("default/small on src will move twice: the nodes outside the later drains lack the memory", StringComparison.Ordinal));
        Assert.True(twice.Item.Wave > 0);
    }

    [Fact]
    public void Plan_OnlyLaterNodesAdmitTheVm_MovesTwiceForItsConstraints()
    {
        var gpu = Make.Labels("gpu=true");
        var plan = Plan([Make.Node("src", labels: gpu), Make.Node("upgraded", memoryGiB: 512), Make.Node("later", labels: gpu)],
            [Make.Vmi("cuda", "src", nodeSelector: gpu)], later: ["later"], preferred: ["upgraded"]);

        var twice = Assert.Single(plan.MovesTwice);
        Assert.False(twice.CapacityShort);
        Assert.Contains("no node outside the later drains admits it", twice.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NoPreference_PlacesOnLargestFreeAsBefore()
    {
        var plan = DrainPlanner.Plan(Make.Cluster([Make.Node("src"), Make.Node("small", memoryGiB: 16), Make.Node("large", memoryGiB: 512)],
            [Make.Vmi("a", "src", 8)]), ["src"], new DrainPolicy());

        Assert.Equal("large", Assert.Single(plan.Items).TentativeTarget);
        Assert.Empty(plan.MovesTwice);
    }
}
