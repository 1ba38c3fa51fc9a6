using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>
/// The node Leases are renewed while the drain migrates. The engine runs on a manual clock, moved past a third of the
/// Lease's duration while its VMIMs are in flight (the fake cluster does not step them until the test drives it); every
/// wait is for an event (a Lease call, a log entry), never for time.
/// </summary>
public sealed class NodeLeaseRenewalTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const int LeaseLost = 3025;
    private const int RenewalFailed = 3026;
    private const string Other = "other-maintenance-tool";
    private static readonly TimeSpan NodeLeaseDuration = TimeSpan.FromSeconds(30);
    private static readonly string[] Nodes = ["w1", "w2"];
    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingLogger _logger = new();

    private (FakeCluster Cluster, DrainHarness Harness) Setup()
    {
        var cluster = new FakeCluster { Time = _clock }.AddNode("w1").AddNode("w2").AddNode("w3").AddNode("w4")
            .AddVmi("a", "w1").AddVmi("b", "w2");
        var harness = new DrainHarness(database.DataSource, cluster)
        {
            Time = _clock,
            Logger = _logger,
            // The drain's own lease outlasts every move of the clock: only the node Leases fall due.
            OptionsFor = holder => DrainHarness.Options(holder) with
            {
                LeaseDuration = TimeSpan.FromHours(1),
                NodeLeaseDuration = NodeLeaseDuration,
            },
        };
        return (cluster, harness);
    }

    // Starts the drain without stepping the cluster, and waits for its migrate loop's first pass: its VMIMs created, and
    // every node's Lease taken at lock and renewed once more.
    private static async Task<Task<DrainResult>> StartAsync(FakeCluster cluster, DrainHarness harness, Guid id, CancellationToken cancellationToken)
    {
        var run = harness.Runner().RunAsync(id, null, cancellationToken);
        await UntilAsync(run, cluster.WhenNodeLeaseCallsAsync(calls => Nodes.All(n => calls.Count(c => c.Node == n) >= 2), cancellationToken));
        Assert.Equal(2, cluster.CreateCount);
        return run;
    }

    // Moves the engine's clock past the next renewal and signals a change, so that a pass runs at the new time.
    private DateTimeOffset AdvancePastRenewal(FakeCluster cluster)
    {
        var before = _clock.GetUtcNow();
        _clock.Advance((NodeLeaseDuration / 3) + TimeSpan.FromSeconds(1));
        cluster.Touch();
        return before;
    }

    private static Task RenewedAfterAsync(FakeCluster cluster, string node, DateTimeOffset after, int times, CancellationToken cancellationToken) =>
        cluster.WhenNodeLeaseCallsAsync(calls => calls.Count(c => c.Node == node && c.At > after) >= times, cancellationToken);

    // Waits for an event of a running drain; fails with the drain's end should it end first.
    private static async Task UntilAsync(Task<DrainResult> run, Task until)
    {
        await Task.WhenAny(run, until);
        if (!until.IsCompleted)
        {
            var ended = await run;
            Assert.Fail($"the drain ended ({ended.State}: {ended.Reason}) before the awaited event");
        }

        await until;
    }

    private async Task<IReadOnlyList<NodeLeaseLost>> LeasesLostAsync(Guid id) =>
        await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<NodeLeaseLost>(id, CancellationToken.None);

    [Fact]
    public async Task RunAsync_ClockPassesAThirdOfTheNodeLeaseWhileMigrating_RenewsEveryNodesLease()
    {
        var (cluster, harness) = Setup();
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), Nodes);
        using var guard = new CancellationTokenSource(harness.RunTimeout);
        var run = await StartAsync(cluster, harness, id, guard.Token);

        var before = AdvancePastRenewal(cluster);
        foreach (var node in Nodes)
        {
            await UntilAsync(run, RenewedAfterAsync(cluster, node, before, 1, guard.Token));
        }

        Assert.NotEmpty(cluster.VmisOn("w1"));
        Assert.NotEmpty(cluster.VmisOn("w2"));
        var result = await harness.DriveAsync(run, null, guard.Token);

        Assert.True(result.Succeeded, result.Reason);
        var calls = cluster.NodeLeaseCalls;
        Assert.All(Nodes, n => Assert.Equal(3, calls.Count(c => c.Node == n)));
        Assert.All(calls, c => Assert.Equal("drain-orchestrator/" + id.ToString("D"), c.Holder));
        Assert.Empty(cluster.Leases);
        Assert.Equal(0, _logger.Count(LeaseLost) + _logger.Count(RenewalFailed));
    }

    [Fact]
    public async Task RunAsync_NodeLeaseTakenByAnotherToolMidDrain_JournaledOnceTakenBackDrainCompletes()
    {
        var (cluster, harness) = Setup();
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), Nodes);
        using var guard = new CancellationTokenSource(harness.RunTimeout);
        var run = await StartAsync(cluster, harness, id, guard.Token);

        cluster.HoldNodeLease("w1", Other);
        AdvancePastRenewal(cluster);
        await UntilAsync(run, _logger.WhenLoggedAsync(LeaseLost, guard.Token));
        // Still held at the next renewal: tried again, not reported again.
        var stillHeld = AdvancePastRenewal(cluster);
        await UntilAsync(run, RenewedAfterAsync(cluster, "w1", stillHeld, 1, guard.Token));
        cluster.HoldNodeLease("w1", null);
        var free = AdvancePastRenewal(cluster);
        await UntilAsync(run, RenewedAfterAsync(cluster, "w1", free, 1, guard.Token));
        var result = await harness.DriveAsync(run, null, guard.Token);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Empty(cluster.VmisOn("w1"));
        Assert.Equal(new NodeLeaseLost("w1", Other), Assert.Single(await LeasesLostAsync(id)));
        Assert.Equal(1, _logger.Count(LeaseLost));
    }

    [Fact]
    public async Task RunAsync_NodeLeaseRenewalFails_DrainGoesOnAndRetriesAtTheNextPass()
    {
        var (cluster, harness) = Setup();
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), Nodes);
        using var guard = new CancellationTokenSource(harness.RunTimeout);
        var run = await StartAsync(cluster, harness, id, guard.Token);

        cluster.FailNextNodeLeaseCall("w1");
        var before = AdvancePastRenewal(cluster);
        await UntilAsync(run, _logger.WhenLoggedAsync(RenewalFailed, guard.Token));
        // The next pass, with the clock where it is: only the failed renewal is due again.
        cluster.Touch();
        await UntilAsync(run, RenewedAfterAsync(cluster, "w1", before, 2, guard.Token));
        var result = await harness.DriveAsync(run, null, guard.Token);

        Assert.True(result.Succeeded, result.Reason);
        var calls = cluster.NodeLeaseCalls.Where(c => c.At > before).ToList();
        Assert.Equal(2, calls.Count(c => c.Node == "w1"));
        Assert.Equal(1, calls.Count(c => c.Node == "w2"));
        Assert.Equal(1, _logger.Count(RenewalFailed));
        Assert.Empty(await LeasesLostAsync(id));
    }
}
