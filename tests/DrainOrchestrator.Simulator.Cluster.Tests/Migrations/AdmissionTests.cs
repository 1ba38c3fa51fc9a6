
namespace DrainOrchestrator.Simulator.Cluster.Tests.Migrations;

public sealed class AdmissionTests
{
    private static SimulatedCluster Cluster() => SimulatedCluster.Create(TestClusters.Scenario(
        [TestClusters.Node("n1"), TestClusters.Node("n2")],
        [
            TestClusters.Vm("vm-1", "n1"),
            TestClusters.Vm("rwo", "n1") with { NonMigratableReason = LiveMigratableReasons.DisksNotLiveMigratable },
            TestClusters.Vm("halted", "n1") with { RunStrategy = RunStrategy.Halted },
        ]));

    [Fact]
    public void CreateMigration_VmiMissing_RejectedWithWebhookWording()
    {
        var result = Cluster().Migrate("nope");

        Assert.Equal(VmimCreateStatus.Rejected, result.Status);
        Assert.Equal("the VMI \"nope\" does not exist under the cache", result.Message);
    }

    [Fact]
    public void CreateMigration_VmHalted_RejectedAsMissingVmi()
    {
        var result = Cluster().Migrate("halted");

        Assert.Equal(VmimCreateStatus.Rejected, result.Status);
        Assert.Contains("does not exist", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateMigration_LiveMigratableFalse_RejectedWithReason()
    {
        var result = Cluster().Migrate("rwo");

        Assert.Equal(VmimCreateStatus.Rejected, result.Status);
        Assert.StartsWith("Cannot migrate VMI, Reason: DisksNotLiveMigratable, Message: ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateMigration_UnfinishedVmimExists_RejectedAsInFlight()
    {
        var cluster = Cluster();
        cluster.Migrate("vm-1", "first");

        var result = cluster.Migrate("vm-1", "second");

        Assert.Equal(VmimCreateStatus.Rejected, result.Status);
        Assert.Equal("in-flight migration detected. Active migration job (uid-first) is currently already in progress for VMI vm-1.", result.Message);
    }

    [Fact]
    public void CreateMigration_PreviousFinished_Accepted()
    {
        var cluster = Cluster();
        cluster.Migrate("vm-1", "first");
        cluster.RunToEnd();

        Assert.True(cluster.Migrate("vm-1", "second").Accepted);
    }

    [Fact]
    public void CreateMigration_SameName_AlreadyExists()
    {
        var cluster = Cluster();
        cluster.Migrate("vm-1", "first");

        Assert.Equal(VmimCreateStatus.AlreadyExists, cluster.Migrate("vm-1", "first").Status);
    }

    [Fact]
    public void CreateMigration_Accepted_StartsPendingWithTimestamp()
    {
        var cluster = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(3));
        var results = cluster.GetVmis().Select(v => cluster.Migrate(v.Name)).ToList();

        var pending = cluster.GetMigrations().Where(m => m.Phase == MigrationPhase.Pending).ToList();
        Assert.All(results, r => Assert.Equal(MigrationPhase.Pending, r.Migration!.Phase));
        Assert.Equal(2, pending.Count);
        Assert.All(pending, m => Assert.Null(m.TargetPod));
        Assert.All(pending, m => Assert.Equal(cluster.Now, m.PhaseTransitions.Single().At));
    }
}
