namespace DrainOrchestrator.Simulator.Cluster.Tests.Configuration;

/// <summary>
/// kube-apiserver labels every namespace <c>kubernetes.io/metadata.name</c>, and KubeVirt matches MigrationPolicies
/// against those labels: a policy selecting a namespace by its name (as the orchestrator's own post-copy policy does)
/// must apply in the model as in a real cluster, not only in drain-sim's rendering of the namespace.
/// </summary>
public sealed class NamespaceNameSelectorTests
{
    [Fact]
    public void Migrate_PolicySelectsTheNamespaceByItsNameLabel_ItsSettingsApply()
    {
        var cluster = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(1));
        const long Bandwidth = 123L * 1024 * 1024;
        cluster.UpsertMigrationPolicy(new MigrationPolicy
        {
            Name = "by-namespace-name",
            NamespaceSelector = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = TestClusters.Ns },
            BandwidthPerMigration = Bandwidth,
        });
        cluster.Migrate("a-1");

        cluster.RunToEnd();

        var state = cluster.GetVmi(TestClusters.Ns, "a-1")!.MigrationState!;
        Assert.True(state.Completed);
        Assert.Equal(Bandwidth, state.MigrationConfiguration!.BandwidthPerMigration);
    }

    [Fact]
    public void Migrate_PolicySelectsAnotherNamespacesName_DoesNotApply()
    {
        var cluster = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(1));
        cluster.UpsertMigrationPolicy(new MigrationPolicy
        {
            Name = "elsewhere",
            NamespaceSelector = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "not-" + TestClusters.Ns },
            BandwidthPerMigration = 123L * 1024 * 1024,
        });
        cluster.Migrate("a-1");

        cluster.RunToEnd();

        Assert.NotEqual(123L * 1024 * 1024, cluster.GetVmi(TestClusters.Ns, "a-1")!.MigrationState!.MigrationConfiguration!.BandwidthPerMigration);
    }
}
