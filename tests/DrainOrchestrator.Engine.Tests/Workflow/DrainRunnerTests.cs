using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Waves;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

public sealed class DrainRunnerTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static FakeCluster Cluster(int vmisPerDrainedNode)
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3").AddNode("w4").AddNode("w5");
        for (var i = 0; i < vmisPerDrainedNode; i++)
        {
            cluster.AddVmi($"a{i}", "w1").AddVmi($"b{i}", "w2");
        }

        return cluster;
    }

    [Fact]
    public async Task RunAsync_TwoNodes_EveryVmMovedWithinLimitsOneAttemptPerVmim()
    {
        var cluster = Cluster(10);
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1", "w2");

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Empty(cluster.VmisOn("w1"));
        Assert.Empty(cluster.VmisOn("w2"));
        Assert.True(cluster.IsUnschedulable("w1") && cluster.IsUnschedulable("w2"));
        Assert.InRange(cluster.MaxRunning, 1, 5);
        Assert.Empty(cluster.Leases);
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        Assert.Equal(20, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(AttemptOutcome.Succeeded, a.Outcome));
        Assert.Equal(attempts.Select(a => a.VmimName).Order(), cluster.CreatesByName.Keys.Order());
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
        Assert.All(attempts, a => Assert.NotEqual(a.SourceNode, a.TargetNode));
        Assert.DoesNotContain(attempts, a => a.TargetNode is "w1" or "w2");
        var waves = await new WaveStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        Assert.Equal(20, waves.Sum(w => w.PlannedSize));
        Assert.All(waves, w => Assert.NotNull(w.FinishedAt));
    }

    [Fact]
    public async Task RunAsync_NonConvergingVm_RetriedWithPostCopyAndCleanedUp()
    {
        // A known (wrongly low) dirty rate: the first attempt is a plain pre-copy, not guarded.
        var cluster = Cluster(1).AddVmi("hot", "w1", labels: new() { [FakeCluster.NonConvergingLabel] = "yes" })
            .AnnotateVmi("hot", HintAnnotations.DirtyRate, "1Mi");
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        var hot = (await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None))
            .Where(a => a.VmiName == "hot").OrderBy(a => a.Attempt).ToList();
        Assert.Equal(2, hot.Count);
        Assert.Equal((AttemptOutcome.Failed, "DidNotConverge"), (hot[0].Outcome, hot[0].FailureClass));
        Assert.Equal((AttemptOutcome.Succeeded, "PostCopy", true), (hot[1].Outcome, hot[1].Mode, hot[1].PostCopy));
        Assert.Empty(cluster.Policies);
        Assert.DoesNotContain(cluster.Current.Vmis.Single(v => v.Metadata.Name == "hot").Metadata.Labels!.Keys,
            k => k.Contains("post-copy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NonConvergingVmOfUnknownRate_GuardedPreCopyEndsInPostCopyAtOnceAndCleanedUp()
    {
        var cluster = Cluster(1).AddVmi("hot", "w1", labels: new() { [FakeCluster.NonConvergingLabel] = "yes" });
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        var hot = Assert.Single(await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None),
            a => a.VmiName == "hot");
        // A pre-copy attempt in its record, which ended in post-copy under the drain's own policy: no failure first.
        Assert.Equal((AttemptOutcome.Succeeded, "PostCopy", false), (hot.Outcome, hot.Mode, hot.PostCopy));
        var intended = await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<PostCopyPolicyIntended>(id, CancellationToken.None);
        Assert.Contains(intended, e => e.Vmi == "vms/hot");
        Assert.Empty(cluster.Policies);
        Assert.DoesNotContain(cluster.Current.Vmis.Single(v => v.Metadata.Name == "hot").Metadata.Labels!.Keys,
            k => k.Contains("post-copy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PostCopyForbiddenVm_NotPostCopiedAndReported()
    {
        var cluster = Cluster(1).AddVmi("hot", "w1", labels: new()
        {
            [FakeCluster.NonConvergingLabel] = "yes",
            [Core.Failures.FailurePolicy.DefaultPostCopyForbiddenLabel] = "true",
        });
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        var result = await harness.RunAsync(id);

        Assert.Equal(DrainRunState.Failed, result.State);
        Assert.Contains("vms/hot", result.Reason, StringComparison.Ordinal);
        var hot = (await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None))
            .Where(a => a.VmiName == "hot").ToList();
        Assert.DoesNotContain(hot, a => a.PostCopy);
        var givenUp = await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<VmiGivenUp>(id, CancellationToken.None);
        Assert.Contains("post-copy is forbidden", Assert.Single(givenUp).Reason, StringComparison.Ordinal);
        Assert.False(cluster.IsUnschedulable("w1"));
    }

    [Fact]
    public async Task RunAsync_OnlyTargetCordonedAfterTheFirstStart_FailsStuckNamingTheVmLeft()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("a", "w1").AddVmi("b", "w1");
        // The first start's target is cordoned as it is created: the other VM has nowhere to go.
        cluster.BeforeCreate = (_, ct) => cluster.SetUnschedulableAsync("w2", true, ct);
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy() with { MaxParallelMigrations = 1 }, "w1");

        var result = await harness.RunAsync(id);

        Assert.Equal(DrainRunState.Failed, result.State);
        Assert.Matches("no node can take the remaining VMs \\(waited [^)]+\\): vms/[ab]$", result.Reason);
    }

    [Fact]
    public async Task LaunchAsync_NonMigratableUnderBlock_RefusedNamingTheVm()
    {
        var cluster = Cluster(3).AddVmi("pinned", "w1", migratable: false);
        var harness = new DrainHarness(database.DataSource, cluster);

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => harness.LaunchAsync(DrainHarness.FastPolicy("block"), "w1"));

        Assert.Contains(refused.Problems, p => p.Message.Contains("pinned on w1 blocks the drain", StringComparison.Ordinal)
            && p.Message.Contains("DisksNotLiveMigratable", StringComparison.Ordinal));
        Assert.Empty(cluster.CreatesByName);
        Assert.False(cluster.IsUnschedulable("w1"));
    }

    [Fact]
    public async Task RunAsync_BecameNonMigratableAfterLaunchUnderBlock_FailsBeforeAnyMigration()
    {
        var cluster = Cluster(3);
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy("block"), "w1");
        cluster.AddVmi("pinned", "w1", migratable: false);

        var result = await harness.RunAsync(id);

        Assert.Equal(DrainRunState.Failed, result.State);
        Assert.Contains("DisksNotLiveMigratable", result.Reason, StringComparison.Ordinal);
        Assert.Empty(cluster.CreatesByName);
        Assert.False(cluster.IsUnschedulable("w1"));
    }

    [Fact]
    public async Task RunAsync_NonMigratableUnderSkip_RestMovedAndSkippedReported()
    {
        var cluster = Cluster(3).AddVmi("pinned", "w1", migratable: false);
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy("skip"), "w1");

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains("1 skipped", result.Reason, StringComparison.Ordinal);
        Assert.Equal(["pinned"], cluster.VmisOn("w1").Select(v => v.Metadata.Name));
        var node = (await new DrainStore(database.DataSource, TimeProvider.System).FindAsync(id.ToString(), CancellationToken.None))!.Nodes.Single();
        Assert.Equal((4, 3, 1), (node.VmisTotal!.Value, node.VmisMigrated, node.VmisSkipped));
    }
}
