using DrainOrchestrator.Engine.Interop;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

public sealed class RecoveryTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static FakeCluster Cluster()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3");
        for (var i = 0; i < 8; i++)
        {
            cluster.AddVmi($"a{i}", "w1");
        }

        return cluster;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public async Task RunAsync_CrashBetweenIntentAndCreate_SecondProcessCompletesWithoutDuplicateVmim(int crashOnCreate)
    {
        var cluster = Cluster();
        cluster.CrashOnCreate = crashOnCreate;
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.RunAsync(id, "engine-a"));
        var result = await harness.RunAsync(id, "engine-b");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Empty(cluster.VmisOn("w1"));
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        var notCreated = Assert.Single(attempts, a => a.Outcome == AttemptOutcome.NotCreated);
        Assert.DoesNotContain(notCreated.VmimName, cluster.CreatesByName.Keys);
        Assert.Equal(attempts.Count - 1, cluster.CreatesByName.Count);
        var journal = await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync(id, CancellationToken.None);
        Assert.Contains(journal, e => e.Actor == "engine-a");
        Assert.Contains(journal, e => e.Actor == "engine-b" && e.ReadEvent() is DrainSucceeded);
    }

    [Fact]
    public async Task RunAsync_StoppedMidDrain_NextRunAdoptsInFlightVmims()
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        await StopAfterTheFirstCreateAsync(harness, cluster, id);

        var result = await harness.RunAsync(id, "engine-b");

        Assert.True(result.Succeeded, result.Reason);
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        Assert.Equal(8, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(AttemptOutcome.Succeeded, a.Outcome));
    }

    [Fact]
    public async Task RunAsync_CancelledByOperator_AbortsInFlightAndUncordons()
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var signals = Signals();
        var sent = false;

        var result = await harness.RunAsync(id, "engine-a", async () =>
        {
            if (!sent && cluster.CreatesByName.Count > 0)
            {
                sent = true;
                await signals.SendAsync(id, DrainSignal.Cancel, "operator", CancellationToken.None);
            }
        });

        Assert.Equal(DrainRunState.Cancelled, result.State);
        Assert.False(cluster.IsUnschedulable("w1"));
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        Assert.All(attempts, a => Assert.True(a.IsFinal));
        Assert.All(attempts.Where(a => a.Outcome == AttemptOutcome.Aborted), a => Assert.Contains(a.VmimName, cluster.DeletedMigrations));
        Assert.Empty(cluster.Leases);
    }

    [Fact]
    public async Task RunAsync_CancelledAfterTheLastStart_FinishesCancelledNotSucceeded()
    {
        var cluster = Cluster();
        // The loop reads the drain's state once a heartbeat while nothing is left to start: a long heartbeat lets the
        // last migrations end before it would see the cancel.
        var harness = new DrainHarness(database.DataSource, cluster)
        {
            OptionsFor = holder => DrainHarness.Options(holder) with { LeaseDuration = TimeSpan.FromSeconds(10), HeartbeatInterval = TimeSpan.FromSeconds(5) },
        };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var signals = Signals();
        SignalResult? sent = null;

        var result = await harness.RunAsync(id, "engine-a", async () =>
        {
            if (sent is null && cluster.CreatesByName.Count == 8)
            {
                sent = await signals.SendAsync(id, DrainSignal.Cancel, "operator", CancellationToken.None);
            }
        });

        // Cancelled either way: after the last migration ended (the runner's read before it finishes) or, when a pass
        // saw the cancel first, with what was still in flight aborted.
        Assert.True(sent?.Accepted, sent?.Message);
        Assert.Equal(DrainRunState.Cancelled, result.State);
        Assert.False(cluster.IsUnschedulable("w1"));
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        Assert.All(attempts, a => Assert.True(a.IsFinal));
    }

    [Fact]
    public async Task RunAsync_CancelledWhileTheFinishReleasesTheNodes_EndsCancelledNotSucceeded()
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var states = new DrainStateStore(database.DataSource, TimeProvider.System);
        var signals = Signals();
        SignalResult? sent = null;
        // The finish releases the node Leases before it records the end: a cancel accepted then must not be overwritten.
        cluster.AfterNodeLeaseReleased = async _ =>
        {
            if (sent is null && await states.ReadStateAsync(id, CancellationToken.None) == DrainState.Running)
            {
                sent = await signals.SendAsync(id, DrainSignal.Cancel, "operator", CancellationToken.None);
            }
        };

        var result = await harness.RunAsync(id, "engine-a");

        Assert.True(sent?.Accepted, sent?.Message);
        Assert.Equal(DrainRunState.Cancelled, result.State);
        Assert.Equal(DrainState.Cancelled, await states.ReadStateAsync(id, CancellationToken.None));
        Assert.False(cluster.IsUnschedulable("w1"));
        Assert.Equal("DrainCancelled", cluster.NodeCondition("w1", NodeLifecycleConditions.DrainInProgress)?.Reason);
        var finished = await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<DrainFinished>(id, CancellationToken.None);
        Assert.IsType<DrainCancelled>(Assert.Single(finished));
    }

    [Fact]
    public async Task RunAsync_CancelledAfterANodeWasDeleted_FinishesCancelledAndUncordonsTheOthers()
    {
        var cluster = Cluster();
        cluster.AddNode("w4");
        cluster.AddVmi("d0", "w4");
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1", "w4");
        var signals = Signals();
        var sent = false;

        var result = await harness.RunAsync(id, "engine-a", async () =>
        {
            if (!sent && cluster.CreatesByName.Count > 0)
            {
                sent = true;
                cluster.RemoveNode("w4");
                await signals.SendAsync(id, DrainSignal.Cancel, "operator", CancellationToken.None);
            }
        });

        Assert.Equal(DrainRunState.Cancelled, result.State);
        Assert.False(cluster.IsUnschedulable("w1"));
        var journal = await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<NodeGone>(id, CancellationToken.None);
        Assert.Equal("w4", Assert.Single(journal).Node);
        Assert.Empty(cluster.Leases);
    }

    [Fact]
    public async Task RunAsync_CancelledInALaterRun_UncordonsTheNodesTheFirstRunCordoned()
    {
        // The later run takes the node Leases again: the nodes' drain state must still say the drain cordoned them, or the
        // cancel leaves them cordoned and unmarked.
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        await StopAfterTheFirstCreateAsync(harness, cluster, id);

        var signals = Signals();
        var sent = false;
        var result = await harness.RunAsync(id, "engine-b", async () =>
        {
            if (!sent && cluster.CreatesByName.Count > 1)
            {
                sent = true;
                await signals.SendAsync(id, DrainSignal.Cancel, "operator", CancellationToken.None);
            }
        });

        Assert.Equal(DrainRunState.Cancelled, result.State);
        Assert.False(cluster.IsUnschedulable("w1"));
        Assert.Single(await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<NodeUncordonIntended>(id, CancellationToken.None));
        Assert.Equal("DrainCancelled", cluster.NodeCondition("w1", NodeLifecycleConditions.DrainInProgress)?.Reason);
    }

    // Runs the drain as engine-a until its first VMIM is created, then stops that process (its lease is left to expire).
    private static async Task StopAfterTheFirstCreateAsync(DrainHarness harness, FakeCluster cluster, Guid id)
    {
        using var stop = new CancellationTokenSource();
        var first = harness.Runner("engine-a").RunAsync(id, null, stop.Token);
        while (cluster.CreatesByName.Count == 0)
        {
            await Task.WhenAny(first, Task.Delay(10));
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    // An operator's signals, as drainctl and the server send them.
    private SignalStore Signals() =>
        new(database.DataSource, new DrainStateStore(database.DataSource, TimeProvider.System), new JournalStore(database.DataSource, TimeProvider.System));
}
