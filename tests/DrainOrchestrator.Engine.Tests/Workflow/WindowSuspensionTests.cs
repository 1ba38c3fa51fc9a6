using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Windows;
using DrainOrchestrator.Engine.Interop;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>
/// A drain run inside a window: nothing starts that the admission says would overrun it, the drain suspends with what
/// it held back journaled and its nodes as the policy says, and a run in the next window completes it, each VMIM once.
/// </summary>
public sealed class WindowSuspensionTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static FakeCluster Cluster() => new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3")
        .AddVmi("a0", "w1").AddVmi("a1", "w1").AddVmi("a2", "w1");

    // Three guests of different kinds (a label tells them apart): with nothing known of a kind, its siblings wait for the
    // first to end (the engine's SiblingWaits), so guests of one kind would not be two in flight at once.
    private static FakeCluster ClusterOfThreeKinds() => new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3")
        .AddVmi("a0", "w1", labels: new() { ["tier"] = "web" }).AddVmi("a1", "w1", labels: new() { ["tier"] = "db" })
        .AddVmi("a2", "w1", labels: new() { ["tier"] = "cache" });

    [Fact]
    public async Task RunAsync_WindowTooShortForAny_SuspendedNothingStartedThenNextWindowCompletes()
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(WindowedPolicy(uncordonWhileSuspended: false), "w1");
        var now = TimeProvider.System.GetUtcNow();

        var first = await RunInAsync(harness, id, new MaintenanceWindow(now - TimeSpan.FromHours(1), now + TimeSpan.FromSeconds(1)));

        Assert.Equal(DrainRunState.Suspended, first.State);
        Assert.Contains("3 VM(s) left to move", first.Reason, StringComparison.Ordinal);
        Assert.Equal(0, cluster.CreateCount);
        Assert.True(cluster.IsUnschedulable("w1"));
        var journal = new JournalStore(database.DataSource, TimeProvider.System);
        var held = await journal.ReadAsync<MigrationHeldBack>(id, CancellationToken.None);
        Assert.Equal(["a0", "a1", "a2"], held.Select(h => h.Vmi.Split('/')[1]).Order(StringComparer.Ordinal));
        Assert.All(held, h => Assert.True(h.PredictedSeconds > 1));
        var drain = await new DrainStore(database.DataSource, TimeProvider.System).FindAsync(id.ToString("D"), CancellationToken.None);
        Assert.Equal(DrainState.Suspended, drain!.State);
        Assert.Null(drain.FinishedAt);

        var second = await RunInAsync(harness, id, new MaintenanceWindow(now, now + TimeSpan.FromDays(1)));

        Assert.True(second.Succeeded, second.Reason);
        Assert.Empty(cluster.VmisOn("w1"));
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
        Assert.Equal(3, cluster.CreatesByName.Count);
        Assert.Equal(2, (await journal.ReadAsync<WindowOpened>(id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RunAsync_UncordonWhileSuspendedTwice_NodesUncordonedEachTimeThenCordonedAgainOnResume()
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var policy = WindowedPolicy(uncordonWhileSuspended: true);
        var id = await harness.LaunchAsync(policy, "w1");
        var now = TimeProvider.System.GetUtcNow();

        var first = await RunInAsync(harness, id, new MaintenanceWindow(now - TimeSpan.FromHours(1), now));

        Assert.Equal(DrainRunState.Suspended, first.State);
        Assert.False(cluster.IsUnschedulable("w1"));
        Assert.Empty(cluster.Leases);

        Assert.Equal(("False", "DrainSuspended"), Condition(cluster, NodeLifecycleConditions.DrainInProgress));

        // A second window as short: the run cordons the node again, takes its Lease, and suspends with it uncordoned
        // again (the Lease taken again must not make the drain forget it had cordoned the node).
        var again = await RunInAsync(harness, id, new MaintenanceWindow(now - TimeSpan.FromHours(1), now));
        Assert.Equal(DrainRunState.Suspended, again.State);
        Assert.False(cluster.IsUnschedulable("w1"));
        Assert.Empty(cluster.Leases);
        Assert.Equal(0, cluster.CreateCount);

        var inProgress = false;
        using (var timeout = new CancellationTokenSource(harness.RunTimeout))
        {
            var resumed = await harness.DriveAsync(harness.Runner().RunAsync(id, null, new MaintenanceWindow(now, now + TimeSpan.FromDays(1)), timeout.Token),
                () =>
                {
                    inProgress |= Condition(cluster, NodeLifecycleConditions.DrainInProgress) == ("True", "DrainStarted");
                    return Task.CompletedTask;
                }, timeout.Token);
            Assert.True(resumed.Succeeded, resumed.Reason);
        }

        Assert.True(inProgress, "DrainInProgress was not True again while the resumed drain ran");
        Assert.True(cluster.IsUnschedulable("w1"));
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(AttemptOutcome.Succeeded, a.Outcome));
    }

    [Fact]
    public async Task RunAsync_AnotherToolTookTheNodeWhileSuspended_FailsAndLeavesItCordoned()
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(WindowedPolicy(uncordonWhileSuspended: false), "w1");
        var now = TimeProvider.System.GetUtcNow();
        Assert.Equal(DrainRunState.Suspended, (await RunInAsync(harness, id, new MaintenanceWindow(now - TimeSpan.FromHours(1), now))).State);
        Assert.True(cluster.IsUnschedulable("w1"));

        // Between the windows the drain's node Lease expired and node-maintenance-operator took the node.
        cluster.HoldNodeLease("w1", "node-maintenance-operator");
        var second = await RunInAsync(harness, id, new MaintenanceWindow(now, now + TimeSpan.FromDays(1)));

        Assert.Equal(DrainRunState.Failed, second.State);
        Assert.Contains("under maintenance by 'node-maintenance-operator'", second.Reason, StringComparison.Ordinal);
        Assert.True(cluster.IsUnschedulable("w1"));
        Assert.NotEqual("DrainFailed", cluster.NodeCondition("w1", NodeLifecycleConditions.DrainInProgress)?.Reason);
        Assert.Equal(0, cluster.CreateCount);
    }

    [Fact]
    public async Task RunAsync_PausedWhileSuspendedUncordoned_NextRunCordonsAgainBeforeAnyMigrationThenResumes()
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var policy = WindowedPolicy(uncordonWhileSuspended: true);
        var id = await harness.LaunchAsync(policy, "w1");
        var now = TimeProvider.System.GetUtcNow();
        var first = await RunInAsync(harness, id, new MaintenanceWindow(now - TimeSpan.FromHours(1), now));
        Assert.Equal(DrainRunState.Suspended, first.State);
        Assert.False(cluster.IsUnschedulable("w1"));
        var states = new DrainStateStore(database.DataSource, TimeProvider.System);
        var signals = Signals();
        Assert.True((await signals.SendAsync(id, DrainSignal.Pause, "operator", CancellationToken.None)).Accepted);

        // The next window's run finds the drain paused: it cordons the node again and waits, migrating nothing, until
        // the operator resumes it.
        var resumed = false;
        using var timeout = new CancellationTokenSource(harness.RunTimeout);
        var second = await harness.DriveAsync(
            harness.Runner().RunAsync(id, null, new MaintenanceWindow(now, now + TimeSpan.FromDays(1)), timeout.Token),
            async () =>
            {
                if (!resumed && cluster.IsUnschedulable("w1"))
                {
                    Assert.Equal(DrainState.Paused, await states.ReadStateAsync(id, CancellationToken.None));
                    Assert.Empty(cluster.CreatesByName);
                    resumed = (await signals.SendAsync(id, DrainSignal.Resume, "operator", CancellationToken.None)).Accepted;
                }
            },
            timeout.Token);

        Assert.True(resumed);
        Assert.True(second.Succeeded, second.Reason);
        Assert.True(cluster.IsUnschedulable("w1"));
        Assert.Empty(cluster.VmisOn("w1"));
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task RunAsync_WindowEndsWhilePaused_StaysPausedThenResumedWaitsForTheNextWindow()
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var policy = WindowedPolicy(uncordonWhileSuspended: true);
        var id = await harness.LaunchAsync(policy, "w1");
        var states = new DrainStateStore(database.DataSource, TimeProvider.System);
        var signals = Signals();
        Assert.True((await signals.SendAsync(id, DrainSignal.Pause, "operator", CancellationToken.None)).Accepted);
        var now = TimeProvider.System.GetUtcNow();

        var first = await RunInAsync(harness, id, new MaintenanceWindow(now - TimeSpan.FromHours(1), now));

        // The window's end does not turn the operator's pause into a suspension the next window would resume by itself.
        Assert.Equal(DrainRunState.Suspended, first.State);
        Assert.Contains("stays paused", first.Reason, StringComparison.Ordinal);
        Assert.Equal(DrainState.Paused, await states.ReadStateAsync(id, CancellationToken.None));
        Assert.False(cluster.IsUnschedulable("w1"));
        Assert.Equal(0, cluster.CreateCount);

        // Taken over with no window (the server's supervisor, after the runner's replica died), it keeps to its last one.
        var windowless = await harness.RunAsync(id);
        Assert.Equal(DrainRunState.Suspended, windowless.State);
        Assert.Equal(0, cluster.CreateCount);

        // Resumed between windows, it waits for the next one (running, an engine would take it up with no window).
        var resumed = await signals.SendAsync(id, DrainSignal.Resume, "operator", CancellationToken.None);
        Assert.Equal((true, DrainState.Suspended), (resumed.Accepted, resumed.NewState));
        var second = await RunInAsync(harness, id, new MaintenanceWindow(now, now + TimeSpan.FromDays(1)));
        Assert.True(second.Succeeded, second.Reason);
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task RunAsync_WindowEndsWithMigrationsInFlightUnderAbort_AbortedSuspendedThenRetriedInTheNextWindow()
    {
        var cluster = ClusterOfThreeKinds();
        var harness = new DrainHarness(database.DataSource, cluster) { RunTimeout = TimeSpan.FromMinutes(2) };
        // Predicted to take about 18 s pessimistically: two (the per-node limit) are admitted at once into a 40 s window
        // (ample slack for a slow start under load); the cluster is not stepped, so they are still in flight at its end.
        var policy = DrainHarness.FastPolicy() with { Window = new WindowPolicy { Margin = TimeSpan.Zero, AtEnd = WindowEndAction.Abort } };
        var id = await harness.LaunchAsync(policy, "w1");
        var now = TimeProvider.System.GetUtcNow();
        using var timeout = new CancellationTokenSource(harness.RunTimeout);

        var first = await harness.Runner().RunAsync(id, null, new MaintenanceWindow(now, now + TimeSpan.FromSeconds(40)), timeout.Token);

        Assert.Equal(DrainRunState.Suspended, first.State);
        var journal = new JournalStore(database.DataSource, TimeProvider.System);
        var ended = Assert.Single(await journal.ReadAsync<WindowEnded>(id, CancellationToken.None));
        Assert.Equal(2, ended.InFlight);
        Assert.Equal(2, cluster.DeletedMigrations.Count);
        var attempts = new AttemptStore(database.DataSource, TimeProvider.System);
        var aborted = await attempts.ListAsync(id, CancellationToken.None);
        Assert.Equal(2, aborted.Count);
        Assert.All(aborted, a => Assert.Equal(AttemptOutcome.Aborted, a.Outcome));

        var second = await RunInAsync(harness, id, new MaintenanceWindow(now, now + TimeSpan.FromDays(1)));

        Assert.True(second.Succeeded, second.Reason);
        Assert.Empty(cluster.VmisOn("w1"));
        var all = await attempts.ListAsync(id, CancellationToken.None);
        Assert.Equal(3, all.Count(a => a.Outcome == AttemptOutcome.Succeeded));
        Assert.All(aborted, a => Assert.Contains(all, b => b.VmiUid == a.VmiUid && b.Attempt == 2 && b.Outcome == AttemptOutcome.Succeeded));
    }

    private static (string?, string?) Condition(FakeCluster cluster, string type) =>
        cluster.NodeCondition("w1", type) is { } c ? (c.Status, c.Reason) : (null, null);

    private static async Task<DrainResult> RunInAsync(DrainHarness harness, Guid id, MaintenanceWindow window)
    {
        using var timeout = new CancellationTokenSource(harness.RunTimeout);
        return await harness.DriveAsync(harness.Runner().RunAsync(id, null, window, timeout.Token), null, timeout.Token);
    }

    // The fast test policy inside a window with no margin, the nodes kept cordoned while suspended or not.
    private static DrainPolicy WindowedPolicy(bool uncordonWhileSuspended) =>
        DrainHarness.FastPolicy() with { Window = new WindowPolicy { Margin = TimeSpan.Zero, UncordonWhileSuspended = uncordonWhileSuspended } };

    // An operator's signals, as drainctl and the server send them.
    private SignalStore Signals() =>
        new(database.DataSource, new DrainStateStore(database.DataSource, TimeProvider.System), new JournalStore(database.DataSource, TimeProvider.System));
}
