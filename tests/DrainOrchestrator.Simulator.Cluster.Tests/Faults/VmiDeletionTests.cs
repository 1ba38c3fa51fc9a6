namespace DrainOrchestrator.Simulator.Cluster.Tests.Faults;

/// <summary>
/// A VMI deleted by a client (not during a migration): KubeVirt's VM controller starts a new one (new uid, same name)
/// only for runStrategy Always, placed like any new VMI, so never on a cordoned node. What the engine's opt-in
/// shutdown action relies on.
/// </summary>
public sealed class VmiDeletionTests
{
    private static SimulatedCluster Cluster(RunStrategy runStrategy) =>
        SimulatedCluster.Create(TestClusters.Scenario(
            [TestClusters.Node("n1"), TestClusters.Node("n2"), TestClusters.Node("n3")],
            [TestClusters.Vm("vm", "n1") with { RunStrategy = runStrategy }]));

    [Fact]
    public void InjectFault_VmiOfAlwaysVmDeletedOnCordonedNode_NewVmiRunsOnASchedulableNode()
    {
        var cluster = Cluster(RunStrategy.Always);
        var oldUid = cluster.GetVmi(TestClusters.Ns, "vm")!.Uid;
        Assert.True(cluster.SetNodeUnschedulable("n1", true));

        Assert.Null(cluster.InjectFault(new VmiDeletionFault(TestClusters.Ns, "vm", WhileMigrating: false)));
        Assert.Null(cluster.GetVmi(TestClusters.Ns, "vm"));
        cluster.RunToEnd();

        var restarted = cluster.GetVmi(TestClusters.Ns, "vm")!;
        Assert.NotEqual(oldUid, restarted.Uid);
        Assert.Equal(VmiPhase.Running, restarted.Phase);
        Assert.NotEqual("n1", restarted.NodeName);
        Assert.Empty(cluster.GetGroundTruth().VmiLosses);
    }

    [Theory]
    [InlineData(RunStrategy.RerunOnFailure)]
    [InlineData(RunStrategy.Manual)]
    [InlineData(RunStrategy.Once)]
    public void InjectFault_VmiOfVmThatIsNotAlwaysDeleted_StaysStopped(RunStrategy runStrategy)
    {
        var cluster = Cluster(runStrategy);

        Assert.Null(cluster.InjectFault(new VmiDeletionFault(TestClusters.Ns, "vm", WhileMigrating: false)));
        cluster.RunToEnd();

        Assert.Null(cluster.GetVmi(TestClusters.Ns, "vm"));
        Assert.Single(cluster.GetVirtualMachines(), vm => vm.Name == "vm");
    }
}
