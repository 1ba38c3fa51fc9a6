using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Placement;

public sealed class PlacementIndexTests
{
    private static readonly HashSet<string> NoneDraining = [];

    private static string[] Targets(IReadOnlyList<NodeSnapshot> nodes, VmiSnapshot vmi, HashSet<string>? draining = null,
        Dictionary<string, long>? reserved = null) =>
        [.. new PlacementIndex(nodes, draining ?? NoneDraining, reserved).FeasibleTargets(vmi).Select(n => n.Name)];

    [Fact]
    public void FeasibleTargets_NotReadyCordonedDrainingOrSource_Excluded()
    {
        var nodes = new[]
        {
            Make.Node("src"), Make.Node("notready", ready: false), Make.Node("cordoned", unschedulable: true),
            Make.Node("draining"), Make.Node("ok"),
        };

        Assert.Equal(["ok"], Targets(nodes, Make.Vmi("vm", "src"), ["draining"]));
    }

    [Fact]
    public void FeasibleTargets_Taints_OnlyToleratedHardEffectsAdmit()
    {
        var nodes = new[]
        {
            Make.Node("hard", taints: [new Taint("k", "v", TaintEffect.NoSchedule)]),
            Make.Node("exec", taints: [new Taint("k", "v", TaintEffect.NoExecute)]),
            Make.Node("soft", taints: [new Taint("k", "v", TaintEffect.PreferNoSchedule)]),
        };

        Assert.Equal(["soft"], Targets(nodes, Make.Vmi("vm", "src")));
        var tolerant = Make.Vmi("vm", "src", tolerations: [new Toleration("k", TolerationOperator.Exists, "", null)]);
        Assert.Equal(["hard", "exec", "soft"], Targets(nodes, tolerant));
    }

    [Fact]
    public void FeasibleTargets_SelectorAndAffinity_BothApply()
    {
        var nodes = new[]
        {
            Make.Node("a", labels: Make.Labels("zone=a", "gen=3")),
            Make.Node("b", labels: Make.Labels("zone=a", "gen=5")),
            Make.Node("c", labels: Make.Labels("zone=b", "gen=5")),
        };
        var vmi = Make.Vmi("vm", "src", nodeSelector: Make.Labels("zone=a"),
            affinity: [new NodeSelectorTerm([new NodeSelectorRequirement("gen", SelectorOperator.Gt, ["4"])])]);

        Assert.Equal(["b"], Targets(nodes, vmi));
    }

    [Fact]
    public void FeasibleTargets_MemoryReservedForInFlight_Counted()
    {
        var nodes = new[] { Make.Node("a", memoryGiB: 16, requestedGiB: 8), Make.Node("b", memoryGiB: 16) };
        var vmi = Make.Vmi("vm", "src", memoryGiB: 8);

        Assert.Equal(["a", "b"], Targets(nodes, vmi));
        Assert.Equal(["b"], Targets(nodes, vmi, reserved: new() { ["a"] = 1 }));
    }

    [Fact]
    public void PlaceOnLargestFree_SpreadsAndRunsOutOfCapacity()
    {
        var nodes = new[] { Make.Node("a", memoryGiB: 8), Make.Node("b", memoryGiB: 12), Make.Node("src") };
        var index = new PlacementIndex(nodes, NoneDraining);

        var placed = Enumerable.Range(0, 6).Select(i => index.PlaceOnLargestFree(Make.Vmi("vm" + i, "src", memoryGiB: 4))).ToList();

        Assert.Equal(["b", "a", "b", "a", "b", null], placed);
        Assert.True(index.HasAnyFit(Make.Vmi("x", "src", memoryGiB: 4)));
        Assert.False(index.HasAnyFit(Make.Vmi("x", "src", memoryGiB: 100)));
    }

    [Fact]
    public void PlaceOnLargestFree_LargestIsSource_TakesNext()
    {
        var nodes = new[] { Make.Node("src", memoryGiB: 100), Make.Node("b", memoryGiB: 10) };
        var index = new PlacementIndex(nodes, NoneDraining);

        Assert.Equal("b", index.PlaceOnLargestFree(Make.Vmi("vm", "src", memoryGiB: 4)));
        Assert.Equal("src", index.PlaceOnLargestFree(Make.Vmi("vm2", "b", memoryGiB: 4)));
    }
}
