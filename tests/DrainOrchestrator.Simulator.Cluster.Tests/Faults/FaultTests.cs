
namespace DrainOrchestrator.Simulator.Cluster.Tests.Faults;

public sealed class FaultTests
{
    private static SimulatedCluster Cluster(MigrationConfig? config = null, RunStrategy runStrategy = RunStrategy.Always) =>
        SimulatedCluster.Create(TestClusters.Scenario(
            [TestClusters.Node("n1"), TestClusters.Node("n2")],
            [TestClusters.Vm("vm", "n1") with { RunStrategy = runStrategy }],
            config ?? MigrationConfig.Default with { BandwidthPerMigration = 50 * TestClusters.MiB }));

    [Fact]
    public void InjectFault_NetworkLossDuringPreCopy_MigrationFailsGuestStays()
    {
        var cluster = Cluster();
        cluster.Migrate("vm");
        cluster.AdvanceBy(TimeSpan.FromSeconds(20));

        Assert.Null(cluster.InjectFault(new MigrationNetworkLossFault("n2", TimeSpan.FromSeconds(30))));
        cluster.RunToEnd();

        var truth = cluster.Truth("mig-vm");
        Assert.Equal(MigrationOutcome.Failed, truth.Outcome);
        Assert.Contains("n2", truth.FailureReason, StringComparison.Ordinal);
        Assert.Equal("n1", cluster.GetVmi(TestClusters.Ns, "vm")!.NodeName);
        Assert.Empty(cluster.GetGroundTruth().VmiLosses);
    }

    [Fact]
    public void InjectFault_NetworkLossDuringPostCopy_VmiIrrecoverableAndRestartedCold()
    {
        var hot = TestClusters.Vm("hot", "n1", memoryGiB: 2, dirtyMiB: 2048) with { WorkingSetBytes = 2 * TestClusters.GiB };
        var config = MigrationConfig.Default with
        {
            AllowPostCopy = true,
            CompletionTimeoutPerGiB = TimeSpan.FromSeconds(10),
            BandwidthPerMigration = 200 * TestClusters.MiB,
        };
        var cluster = SimulatedCluster.Create(TestClusters.Scenario([TestClusters.Node("n1"), TestClusters.Node("n2")], [hot], config));
        var oldUid = cluster.GetVmi(TestClusters.Ns, "hot")!.Uid;
        cluster.Migrate("hot");
        cluster.AdvanceBy(TimeSpan.FromSeconds(38));
        Assert.Equal(MigrationMode.PostCopy, cluster.GetVmi(TestClusters.Ns, "hot")!.MigrationState!.Mode);

        cluster.InjectFault(new MigrationNetworkLossFault("n1", TimeSpan.FromSeconds(5)));
        cluster.RunToEnd();

        var truth = cluster.GetGroundTruth();
        var loss = Assert.Single(truth.VmiLosses);
        Assert.Equal("VMI is irrecoverable due to failed post-copy migration", loss.Reason);
        Assert.Equal(oldUid, loss.Uid);
        Assert.Equal(MigrationOutcome.Failed, cluster.Truth("mig-hot").Outcome);
        var restarted = cluster.GetVmi(TestClusters.Ns, "hot")!;
        Assert.NotEqual(oldUid, restarted.Uid);
        Assert.Equal(VmiPhase.Running, restarted.Phase);
    }

    [Fact]
    public void InjectFault_NodeReboot_NotReadyThenReadyWithNewKubeletAndGuestsRestarted()
    {
        var cluster = Cluster();
        var log = new ChangeLog();
        using var subscription = cluster.Subscribe(log);

        cluster.InjectFault(new NodeRebootFault("n1", TimeSpan.FromSeconds(60), "v1.33.0"));
        Assert.False(cluster.GetNode("n1")!.Ready);
        cluster.RunToEnd();

        var node = cluster.GetNode("n1")!;
        Assert.True(node.Ready);
        Assert.Equal("v1.33.0", node.KubeletVersion);
        Assert.Single(cluster.GetGroundTruth().VmiLosses);
        Assert.Equal("n2", cluster.GetVmi(TestClusters.Ns, "vm")!.NodeName);
        Assert.Contains(log.Of<VmiDeleted>(), d => d.Vmi.Name == "vm");
    }

    [Fact]
    public void InjectFault_TargetPodStartFailure_NextMigrationFailsThenOneSucceeds()
    {
        var cluster = Cluster();
        cluster.InjectFault(new TargetPodStartFailureFault(null, 1));

        cluster.Migrate("vm", "first");
        cluster.RunToEnd();
        cluster.Migrate("vm", "second");
        cluster.RunToEnd();

        Assert.Equal(MigrationOutcome.Failed, cluster.Truth("first").Outcome);
        Assert.Contains("failed to start", cluster.Truth("first").FailureReason, StringComparison.Ordinal);
        Assert.Equal(MigrationOutcome.Succeeded, cluster.Truth("second").Outcome);
    }

    [Fact]
    public void InjectFault_VmiDeletedWhileMigrating_MigrationFailsAndAlwaysRestarts()
    {
        var cluster = Cluster();
        cluster.InjectFault(new VmiDeletionFault(TestClusters.Ns, "vm", WhileMigrating: true));

        cluster.Migrate("vm");
        cluster.RunToEnd();

        Assert.Equal(MigrationOutcome.Failed, cluster.Truth("mig-vm").Outcome);
        Assert.Contains("was deleted", cluster.Truth("mig-vm").FailureReason, StringComparison.Ordinal);
        Assert.Equal(VmiPhase.Running, cluster.GetVmi(TestClusters.Ns, "vm")!.Phase);
    }

    [Fact]
    public void InjectFault_DirtyRateRisesMidTransfer_MigrationNoLongerConverges()
    {
        var cluster = Cluster(MigrationConfig.Default with { BandwidthPerMigration = 100 * TestClusters.MiB });
        cluster.Migrate("vm");
        cluster.AdvanceBy(TimeSpan.FromSeconds(10));

        cluster.InjectFault(new DirtyRateChangeFault(TestClusters.Ns, "vm", 500 * TestClusters.MiB));
        cluster.RunToEnd();

        Assert.Equal(MigrationOutcome.Failed, cluster.Truth("mig-vm").Outcome);
        Assert.Equal(500 * TestClusters.MiB, cluster.GetVirtualMachines().Single().DirtyRateBytesPerSecond);
    }

    [Fact]
    public void InjectFault_UnknownNode_ReportsProblem() =>
        Assert.Equal("unknown node \"nope\"", Cluster().InjectFault(new NodeNotReadyFault("nope", TimeSpan.FromSeconds(1))));

    [Fact]
    public void InjectFault_TargetNodeRebootsBeforeTransfer_MigrationFails()
    {
        var cluster = Cluster();
        cluster.Migrate("vm");
        cluster.AdvanceBy(TimeSpan.FromSeconds(2));

        cluster.InjectFault(new NodeRebootFault("n2", TimeSpan.FromSeconds(30), null));
        cluster.RunToEnd();

        Assert.Contains("target node n2 rebooted", cluster.Truth("mig-vm").FailureReason, StringComparison.Ordinal);
        Assert.Equal("n1", cluster.GetVmi(TestClusters.Ns, "vm")!.NodeName);
        Assert.Empty(cluster.GetGroundTruth().VmiLosses);
    }
}
