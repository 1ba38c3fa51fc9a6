namespace DrainOrchestrator.Simulator.Cluster.Tests.Decentralized;

public sealed class MacCollisionTests
{
    private const string Target = DecentralizedMoves.TargetNs;
    private const string Mac = "02:5a:00:00:00:01";

    /// <summary>vm-1 (MAC <see cref="Mac"/>) on n1, and in the target namespace a VM with the same MAC and run strategy <paramref name="squatter"/>.</summary>
    private static ClusterScenario WithSquatter(RunStrategy squatter) => TestClusters.Scenario(
        [TestClusters.Node("n1"), TestClusters.Node("n2"), TestClusters.Node("n3")],
        [
            TestClusters.Vm("vm-1", "n1") with { MacAddress = "02:5A:00:00:00:01" },
            TestClusters.Vm("squatter", "n2") with { Namespace = Target, MacAddress = Mac, RunStrategy = squatter },
        ]);

    [Fact]
    public void Move_MacUsedByARunningVmiInTheTarget_ReceiverPodFailsAndBothVmimsFailNamingTheMac()
    {
        var cluster = DecentralizedMoves.GatedCluster(WithSquatter(RunStrategy.Always));

        Assert.True(cluster.PrepareReceiver("vm-1", TestClusters.GiB).Accepted);
        Assert.True(cluster.Send("vm-1").Accepted);
        cluster.RunToEnd();

        var sent = cluster.GetMigration(TestClusters.Ns, "out-vm-1")!;
        var received = cluster.GetMigration(Target, "in-vm-1")!;
        Assert.Equal((MigrationPhase.Failed, MigrationPhase.Failed), (sent.Phase, received.Phase));
        Assert.Equal(sent.FailureReason, received.FailureReason);
        Assert.Contains($"MAC address {Mac}", sent.FailureReason, StringComparison.Ordinal);
        Assert.Contains($"running VMI {Target}/squatter", sent.FailureReason, StringComparison.Ordinal);
        Assert.Contains("failed to start", sent.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain(MigrationPhase.Running, cluster.Phases(TestClusters.Ns, "out-vm-1"));
        var vms = cluster.GetGroundTruth().VirtualMachines;
        Assert.True(vms.Single(v => v.Namespace == TestClusters.Ns && v.Name == "vm-1").Running);
        Assert.Equal(VmiPhase.WaitingForSync, cluster.GetVmi(Target, "vm-1")!.Phase);
        Assert.Equal(Mac, cluster.GetVmi(Target, "vm-1")!.MacAddress);
    }

    [Fact]
    public void Move_MacOnlyDeclaredByAStoppedVmAndTheSourceItself_Succeeds()
    {
        var cluster = DecentralizedMoves.GatedCluster(WithSquatter(RunStrategy.Halted));

        Assert.True(cluster.PrepareReceiver("vm-1", TestClusters.GiB).Accepted);
        Assert.True(cluster.Send("vm-1").Accepted);
        cluster.RunToEnd();

        Assert.Equal(MigrationPhase.Succeeded, cluster.GetMigration(Target, "in-vm-1")!.Phase);
        Assert.True(cluster.GetGroundTruth().VirtualMachines.Single(v => v.Namespace == Target && v.Name == "vm-1").Running);
    }
}
