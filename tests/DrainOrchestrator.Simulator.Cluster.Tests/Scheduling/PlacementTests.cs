
namespace DrainOrchestrator.Simulator.Cluster.Tests.Scheduling;

public sealed class PlacementTests
{
    private static readonly Dictionary<string, string> ZoneA = new() { ["zone"] = "a" };
    private static readonly Dictionary<string, string> ZoneB = new() { ["zone"] = "b" };

    private static SimulatedCluster Cluster(VmDefinition vm, params NodeDefinition[] extra) =>
        SimulatedCluster.Create(TestClusters.Scenario(
            [TestClusters.Node("src", labels: ZoneA), TestClusters.Node("a2", labels: ZoneA), TestClusters.Node("b1", memoryGiB: 512, labels: ZoneB), .. extra],
            [vm]));

    [Fact]
    public void RunUntilIdle_NoNodeFits_FailsAfterUnschedulableTimeout()
    {
        var vm = TestClusters.Vm("vm", "src") with { NodeSelector = new Dictionary<string, string> { ["zone"] = "a" } };
        var cluster = Cluster(vm);
        cluster.SetNodeUnschedulable("a2", true);
        var start = cluster.Now;
        cluster.Migrate("vm");

        cluster.RunToEnd();

        var truth = cluster.Truth("mig-vm");
        Assert.Equal(MigrationOutcome.Failed, truth.Outcome);
        Assert.Null(truth.TargetNode);
        Assert.Equal(TimeSpan.FromSeconds(300), truth.PhaseTransitions[^1].At - start);
        Assert.Contains("unschedulable", truth.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.GetPods(), p => p.MigrationUid is not null);
    }

    [Fact]
    public void RunUntilIdle_NodeUncordonedWhileWaiting_PlacedAndSucceeds()
    {
        var vm = TestClusters.Vm("vm", "src") with { NodeSelector = ZoneA };
        var cluster = Cluster(vm);
        cluster.SetNodeUnschedulable("a2", true);
        cluster.Migrate("vm");
        cluster.AdvanceBy(TimeSpan.FromSeconds(60));

        cluster.SetNodeUnschedulable("a2", false);
        cluster.RunToEnd();

        Assert.Equal("a2", cluster.Truth("mig-vm").TargetNode);
        Assert.Equal(MigrationOutcome.Succeeded, cluster.Truth("mig-vm").Outcome);
    }

    [Fact]
    public void RunUntilIdle_LeastAllocated_PicksNodeWithMostFreeMemory()
    {
        var cluster = Cluster(TestClusters.Vm("vm", "src"));
        cluster.Migrate("vm");

        cluster.RunToEnd();

        Assert.Equal("b1", cluster.Truth("mig-vm").TargetNode);
    }

    [Fact]
    public void RunUntilIdle_AddedNodeSelectorPinsHostname_UsesThatNode()
    {
        var cluster = Cluster(TestClusters.Vm("vm", "src"));
        cluster.Migrate("vm", addedNodeSelector: new Dictionary<string, string> { ["kubernetes.io/hostname"] = "a2" });

        cluster.RunToEnd();

        Assert.Equal("a2", cluster.Truth("mig-vm").TargetNode);
    }

    [Fact]
    public void RunUntilIdle_AddedNodeSelectorClashesWithVm_VmValueWins()
    {
        var cluster = Cluster(TestClusters.Vm("vm", "src") with { NodeSelector = ZoneA });
        cluster.Migrate("vm", addedNodeSelector: ZoneB);

        cluster.RunToEnd();

        Assert.Equal("a2", cluster.Truth("mig-vm").TargetNode);
    }

    [Fact]
    public void RunUntilIdle_TaintNotTolerated_NodeSkipped()
    {
        var cluster = Cluster(TestClusters.Vm("vm", "src"));
        cluster.SetNodeTaints("b1", [new NodeTaint("dedicated", "gpu", TaintEffect.NoSchedule)]);
        cluster.Migrate("vm");

        cluster.RunToEnd();

        Assert.Equal("a2", cluster.Truth("mig-vm").TargetNode);
    }

    [Fact]
    public void RunUntilIdle_TaintTolerated_NodeUsed()
    {
        var vm = TestClusters.Vm("vm", "src") with { Tolerations = [new Toleration("dedicated", null, null)] };
        var cluster = Cluster(vm);
        cluster.SetNodeTaints("b1", [new NodeTaint("dedicated", "gpu", TaintEffect.NoSchedule)]);
        cluster.Migrate("vm");

        cluster.RunToEnd();

        Assert.Equal("b1", cluster.Truth("mig-vm").TargetNode);
    }

    [Theory]
    [InlineData(NodeSelectorOperator.In, "a", "a2")]
    [InlineData(NodeSelectorOperator.NotIn, "a", "b1")]
    [InlineData(NodeSelectorOperator.Exists, null, "c1")]
    [InlineData(NodeSelectorOperator.DoesNotExist, null, "b1")]
    public void RunUntilIdle_RequiredNodeAffinity_Respected(NodeSelectorOperator op, string? value, string expected)
    {
        var key = op is NodeSelectorOperator.Exists or NodeSelectorOperator.DoesNotExist ? "ssd" : "zone";
        var requirement = new NodeSelectorRequirement(key, op, value is null ? [] : [value]);
        var vm = TestClusters.Vm("vm", "src") with { RequiredNodeAffinity = [new NodeSelectorTerm([requirement])] };
        var cluster = Cluster(vm, TestClusters.Node("c1", memoryGiB: 64, labels: new Dictionary<string, string> { ["ssd"] = "yes" }));
        cluster.Migrate("vm");

        cluster.RunToEnd();

        Assert.Equal(expected, cluster.Truth("mig-vm").TargetNode);
    }

    [Fact]
    public void RunUntilIdle_NotEnoughMemory_NodeSkipped()
    {
        var cluster = Cluster(TestClusters.Vm("big", "src", memoryGiB: 300));
        cluster.Migrate("big");

        cluster.RunToEnd();

        Assert.Equal("b1", cluster.Truth("mig-big").TargetNode);
    }
}
