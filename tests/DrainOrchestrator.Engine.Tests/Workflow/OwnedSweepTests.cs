using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

public sealed class OwnedSweepTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task RunAsync_PolicyAndMarkerLeftByADeadOwner_SweptAtRecoveryAndNothingOwnedOutlivesTheDrain()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3");
        for (var i = 0; i < 4; i++)
        {
            cluster.AddVmi($"a{i}", "w1");
        }

        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        // What an owner that died between creating the post-copy policy and recording its attempt leaves behind.
        var policy = MigrationNaming.PostCopyPolicyName(id.ToString("D"), "uid-a2");
        await cluster.EnsureMigrationPolicyAsync(new MigrationPolicySnapshot(policy, new Dictionary<string, string>(),
            new Dictionary<string, string> { [PostCopyPolicyDesigner.MarkerLabelKey] = policy }, AllowPostCopy: true), CancellationToken.None);
        await cluster.SetVmiLabelAsync("vms", "a2", PostCopyPolicyDesigner.MarkerLabelKey, policy, CancellationToken.None);
        // Someone else's policy and label stay.
        await cluster.EnsureMigrationPolicyAsync(new MigrationPolicySnapshot("drain-postcopy-other", new Dictionary<string, string>(),
            new Dictionary<string, string>()), CancellationToken.None);

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        var state = cluster.Current;
        Assert.Equal(["drain-postcopy-other"], state.Policies.Select(p => p.Metadata.Name));
        Assert.DoesNotContain(state.Vmis, v => v.Metadata.Labels?.ContainsKey(PostCopyPolicyDesigner.MarkerLabelKey) == true);
        var swept = Assert.Single(await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<OwnedObjectsSwept>(id, CancellationToken.None));
        Assert.Equal("recovery", swept.When);
        Assert.Equal([policy], swept.Policies);
        Assert.Equal(["vms/a2"], swept.Labels);
        Assert.Empty(cluster.Leases);
    }
}
