using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Policy;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>
/// The opt-in shutdown policy: a VM that cannot live-migrate is stopped (its VMI deleted) and its run strategy starts it
/// on a node that is not drained; a run strategy that would not start it again blocks the drain before anything moves.
/// </summary>
public sealed class ShutdownTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static FakeCluster Cluster(string runStrategy = "Always") => new FakeCluster()
        .AddNode("w1").AddNode("w2").AddNode("w3")
        .AddVmi("a0", "w1").AddVmi("a1", "w1").AddVmi("a2", "w1")
        .AddVm("legacy", "w1", runStrategy);

    private Task<IReadOnlyList<AttemptRecord>> AttemptsAsync(Guid id) =>
        new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);

    [Fact]
    public void PolicyDocument_Shutdown_MapsToTheShutdownAction() =>
        Assert.Equal(NonMigratableAction.Shutdown, PolicyDocument.Read(PolicyDocument.Write(DrainHarness.FastPolicy("shutdown"))).NonMigratableAction);

    [Fact]
    public async Task RunAsync_NonMigratableAlwaysVmUnderShutdown_RestartedElsewhereAndDrainSucceeds()
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy("shutdown"), "w1");

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Empty(cluster.VmisOn("w1"));
        var legacy = cluster.VmiNamed("legacy")!;
        Assert.NotEqual("uid-legacy", legacy.Metadata.Uid);
        Assert.Equal("Running", legacy.Status!.Phase);
        Assert.Equal([("legacy", "uid-legacy")], cluster.DeletedVmis);
        var attempts = await AttemptsAsync(id);
        var restart = Assert.Single(attempts, a => a.IsRestart);
        Assert.Equal((AttemptOutcome.Succeeded, "uid-legacy", "w1", legacy.Status.NodeName), (restart.Outcome, restart.VmiUid, restart.SourceNode, restart.TargetNode));
        Assert.Equal((0, (string?)null, (string?)null, false), (restart.WaveNumber, restart.Mode, restart.VmimUid, restart.PostCopy));
        Assert.NotNull(restart.CreatedAt);
        Assert.NotNull(restart.FinishedAt);
        Assert.DoesNotContain(restart.VmimName, cluster.CreatesByName.Keys);
        Assert.Equal(3, attempts.Count(a => a.Kind == AttemptKind.Migration && a.Outcome == AttemptOutcome.Succeeded));
        var drain = (await new DrainStore(database.DataSource, TimeProvider.System).FindAsync(id.ToString(), CancellationToken.None))!;
        var node = drain.Nodes.Single();
        Assert.Equal((4, 4, 0, 0), (node.VmisTotal!.Value, node.VmisMigrated, node.VmisSkipped, node.VmisFailed));
        var report = await DrainReportReader.ReadAsync(database.DataSource, drain, CancellationToken.None);
        Assert.Contains(report.Attempts, a => a.IsRestart && a.VmiName == "legacy" && a.Outcome == AttemptOutcome.Succeeded);
        Assert.Empty(report.NotMoved);
    }

    [Theory]
    [InlineData("RerunOnFailure")]
    [InlineData("Manual")]
    public async Task LaunchAsync_ShutdownButRunStrategyWouldNotRestart_RefusedAsCannotRestart(string runStrategy)
    {
        var cluster = Cluster(runStrategy);
        var harness = new DrainHarness(database.DataSource, cluster);

        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => harness.LaunchAsync(DrainHarness.FastPolicy("shutdown"), "w1"));

        Assert.Contains(refused.Problems, p => p.Message.Contains("vms/legacy on w1 blocks the drain", StringComparison.Ordinal)
            && p.Message.Contains(runStrategy, StringComparison.Ordinal));
        var plan = DrainPlanner.Plan(SnapshotMapper.Map(cluster.Current), ["w1"], DrainHarness.FastPolicy("shutdown"));
        Assert.Equal(BlockReason.CannotRestart, Assert.Single(plan.Blockers).Reason);
        Assert.Empty(cluster.DeletedVmis);
        Assert.Empty(cluster.CreatesByName);
        Assert.False(cluster.IsUnschedulable("w1"));
    }

    [Fact]
    public async Task LaunchAsync_ShutdownAndBareVmi_RefusedAsCannotRestart()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("bare", "w1", migratable: false);

        var plan = DrainPlanner.Plan(SnapshotMapper.Map(cluster.Current), ["w1"], DrainHarness.FastPolicy("shutdown"));

        Assert.Equal(BlockReason.CannotRestart, Assert.Single(plan.Blockers).Reason);
        await Assert.ThrowsAsync<InvalidRequestException>(() =>
            new DrainHarness(database.DataSource, cluster).LaunchAsync(DrainHarness.FastPolicy("shutdown"), "w1"));
    }

    [Fact]
    public async Task RunAsync_RunStrategyChangedAfterLaunch_FailsBeforeStoppingAnything()
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy("shutdown"), "w1");
        cluster.SetRunStrategy("legacy", "RerunOnFailure");

        var result = await harness.RunAsync(id);

        Assert.Equal(DrainRunState.Failed, result.State);
        Assert.Contains("RerunOnFailure", result.Reason, StringComparison.Ordinal);
        Assert.Empty(cluster.DeletedVmis);
        Assert.Empty(cluster.CreatesByName);
        Assert.Equal("uid-legacy", cluster.VmiNamed("legacy")!.Metadata.Uid);
    }

    [Fact]
    public async Task RunAsync_CrashBetweenIntentAndDelete_NextProcessStopsTheRecordedVmiOnce()
    {
        var cluster = Cluster();
        cluster.CrashOnVmiDelete = true;
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy("shutdown"), "w1");

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.RunAsync(id, "engine-a"));
        var intended = Assert.Single(await AttemptsAsync(id), a => a.IsRestart);
        Assert.Equal(AttemptOutcome.Intended, intended.Outcome);
        Assert.Equal("uid-legacy", cluster.VmiNamed("legacy")!.Metadata.Uid);
        var result = await harness.RunAsync(id, "engine-b");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal([("legacy", "uid-legacy")], cluster.DeletedVmis);
        var legacy = cluster.VmiNamed("legacy")!;
        Assert.NotEqual("uid-legacy", legacy.Metadata.Uid);
        var restart = Assert.Single(await AttemptsAsync(id), a => a.IsRestart);
        Assert.Equal((AttemptOutcome.Succeeded, legacy.Status!.NodeName), (restart.Outcome, restart.TargetNode));
        var journal = await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync(id, CancellationToken.None);
        Assert.Contains("engine-b", Assert.Single(journal, e => e.ReadEvent() is AttemptVmiDeleted).Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CrashAfterDelete_NextProcessAdoptsTheRestartWithoutDeletingTheNewVmi()
    {
        var cluster = Cluster();
        cluster.AfterVmiDelete = _ =>
        {
            cluster.AfterVmiDelete = null;
            throw new SimulatedCrashException();
        };
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy("shutdown"), "w1");

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.RunAsync(id, "engine-a"));
        Assert.Equal(AttemptOutcome.Intended, Assert.Single(await AttemptsAsync(id), a => a.IsRestart).Outcome);
        // KubeVirt starts the new VMI while no engine runs.
        cluster.Step();
        cluster.Step();
        var started = cluster.VmiNamed("legacy")!;
        Assert.NotEqual("uid-legacy", started.Metadata.Uid);
        var result = await harness.RunAsync(id, "engine-b");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal([("legacy", "uid-legacy")], cluster.DeletedVmis);
        Assert.Equal(started.Metadata.Uid, cluster.VmiNamed("legacy")!.Metadata.Uid);
        var restart = Assert.Single(await AttemptsAsync(id), a => a.IsRestart);
        Assert.Equal((AttemptOutcome.Succeeded, started.Status!.NodeName), (restart.Outcome, restart.TargetNode));
    }

    [Fact]
    public async Task RunAsync_VmDoesNotComeBack_RestartFailsAfterTheTimeoutAndTheDrainFails()
    {
        var cluster = Cluster();
        cluster.StartsDeletedVmis = false;
        var harness = new DrainHarness(database.DataSource, cluster)
        {
            OptionsFor = holder => DrainHarness.Options(holder) with { RestartTimeout = TimeSpan.FromSeconds(1) },
        };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy("shutdown"), "w1");

        var result = await harness.RunAsync(id);

        Assert.Equal(DrainRunState.Failed, result.State);
        Assert.Contains("vms/legacy was stopped to restart elsewhere and does not run again", result.Reason, StringComparison.Ordinal);
        var restart = Assert.Single(await AttemptsAsync(id), a => a.IsRestart);
        Assert.Equal(AttemptOutcome.Failed, restart.Outcome);
        Assert.Contains("did not run again within", restart.FailureReason, StringComparison.Ordinal);
        var givenUp = await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<VmiGivenUp>(id, CancellationToken.None);
        Assert.Contains("the restart elsewhere failed", Assert.Single(givenUp).Reason, StringComparison.Ordinal);
        Assert.Equal([("legacy", "uid-legacy")], cluster.DeletedVmis);
    }

    [Fact]
    public async Task RunAsync_VmComesBackOnADrainedNode_RestartFailsAndTheDrainFails()
    {
        var cluster = Cluster();
        cluster.StartOn = "w1";
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy("shutdown"), "w1");

        var result = await harness.RunAsync(id);

        Assert.Equal(DrainRunState.Failed, result.State);
        Assert.Contains("vms/legacy started again on w1", result.Reason, StringComparison.Ordinal);
        var restart = Assert.Single(await AttemptsAsync(id), a => a.IsRestart);
        Assert.Equal(AttemptOutcome.Failed, restart.Outcome);
        Assert.Contains("started again on w1, a node of this drain", restart.FailureReason, StringComparison.Ordinal);
        Assert.Single(cluster.DeletedVmis);
    }
}
