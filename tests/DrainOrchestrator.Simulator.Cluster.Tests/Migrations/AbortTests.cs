
namespace DrainOrchestrator.Simulator.Cluster.Tests.Migrations;

public sealed class AbortTests
{
    private static SimulatedCluster SlowCluster()
    {
        var capped = MigrationConfig.Default with { BandwidthPerMigration = 50 * TestClusters.MiB };
        return SimulatedCluster.Create(TestClusters.Scenario(
            [TestClusters.Node("n1"), TestClusters.Node("n2")], [TestClusters.Vm("vm", "n1")], capped));
    }

    [Fact]
    public void DeleteMigration_Running_AbortsAndGuestStaysOnSource()
    {
        var cluster = SlowCluster();
        var log = new ChangeLog();
        using var subscription = cluster.Subscribe(log);
        cluster.Migrate("vm");
        cluster.AdvanceBy(TimeSpan.FromSeconds(20));
        Assert.Equal(MigrationPhase.Running, cluster.GetMigration(TestClusters.Ns, "mig-vm")!.Phase);

        var outcome = cluster.DeleteMigration(TestClusters.Ns, "mig-vm");

        Assert.Equal(VmimDeleteOutcome.Aborting, outcome);
        var aborting = cluster.GetVmi(TestClusters.Ns, "vm")!.MigrationState!;
        Assert.True(aborting.AbortRequested);
        Assert.Equal(AbortStatus.Aborting, aborting.AbortStatus);
        Assert.True(cluster.GetMigration(TestClusters.Ns, "mig-vm")!.DeletionRequested);

        cluster.RunToEnd();

        var vmi = cluster.GetVmi(TestClusters.Ns, "vm")!;
        Assert.Equal("n1", vmi.NodeName);
        Assert.Equal(AbortStatus.Succeeded, vmi.MigrationState!.AbortStatus);
        Assert.True(vmi.MigrationState.Failed);
        Assert.Null(cluster.GetMigration(TestClusters.Ns, "mig-vm"));
        Assert.Equal(MigrationOutcome.Aborted, cluster.Truth("mig-vm").Outcome);
        Assert.Contains(log.Of<VmimRemoved>(), r => r.Reason == VmimRemovalReason.Deleted && r.Migration.Phase == MigrationPhase.Failed);
        Assert.DoesNotContain(cluster.GetPods(), p => p.MigrationUid is not null);
    }

    [Fact]
    public void DeleteMigration_BeforeHandOff_TargetPodRemovedAndFailedWithAbortCondition()
    {
        var cluster = SlowCluster();
        var log = new ChangeLog();
        using var subscription = cluster.Subscribe(log);
        cluster.Migrate("vm");
        cluster.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.Equal(MigrationPhase.Scheduling, cluster.GetMigration(TestClusters.Ns, "mig-vm")!.Phase);

        var outcome = cluster.DeleteMigration(TestClusters.Ns, "mig-vm");

        Assert.Equal(VmimDeleteOutcome.Removed, outcome);
        var last = log.Of<VmimChanged>().Last().Migration;
        Assert.Equal(MigrationPhase.Failed, last.Phase);
        Assert.True(last.AbortRequested);
        Assert.True(last.DeletionRequested);
        Assert.Contains(log.Of<PodDeleted>(), p => p.Pod.MigrationUid == "uid-mig-vm");
        Assert.Null(cluster.GetVmi(TestClusters.Ns, "vm")!.MigrationState);
    }

    [Fact]
    public void DeleteMigration_Finished_RemovedAtOnce()
    {
        var cluster = SlowCluster();
        cluster.Migrate("vm");
        cluster.RunToEnd();

        Assert.Equal(VmimDeleteOutcome.Removed, cluster.DeleteMigration(TestClusters.Ns, "mig-vm"));
        Assert.Equal(VmimDeleteOutcome.NotFound, cluster.DeleteMigration(TestClusters.Ns, "mig-vm"));
    }
}
