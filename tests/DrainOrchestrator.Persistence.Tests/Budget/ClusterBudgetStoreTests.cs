using Dapper;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Budget;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Persistence.Tests.Budget;

public sealed class ClusterBudgetStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new();

    private BudgetScene Scene() => new(database.DataSource, _clock);

    private static ForeignLoad Foreign(params (string Node, int Count)[] byNode) =>
        new(byNode.Sum(n => n.Count), byNode.ToDictionary(n => n.Node, n => n.Count, StringComparer.Ordinal));

    [Fact]
    public async Task ReserveAsync_SlotsOfEveryDrainOfTheCluster_CountAgainstTheLimit()
    {
        var scene = Scene();
        var (a, b) = (await scene.DrainAsync("a1", "a2"), await scene.DrainAsync("b1", "b2"));
        await scene.HoldAsync(a, "a1");
        await scene.HoldAsync(a, "a2", AttemptOutcome.Created);
        await scene.HoldAsync(b, "b1", AttemptOutcome.Running);
        await scene.HoldAsync(b, "b2");

        var fifth = await scene.AskAsync(scene.Request(a, "a1"));
        await scene.HoldAsync(b, "b2");
        var sixth = await scene.AskAsync(scene.Request(a, "a1", wanted: 5));

        Assert.True(fifth.Granted);
        Assert.Equal((4, 5), (fifth.InFlight, fifth.ClusterLimit));
        Assert.Equal(SlotRefusal.ClusterLimit, sixth.Refusal);
        Assert.Equal(5, sixth.InFlight);
    }

    [Fact]
    public async Task ReserveAsync_FinalAttemptsRestartsAndOtherClusters_HoldNoSlot()
    {
        var scene = Scene();
        var elsewhere = Scene();
        var a = await scene.DrainAsync("a1");
        var other = await elsewhere.DrainAsync("x1");
        foreach (var outcome in new[] { AttemptOutcome.Succeeded, AttemptOutcome.Failed, AttemptOutcome.Aborted, AttemptOutcome.NotCreated })
        {
            await scene.HoldAsync(a, "a1", outcome);
        }

        await scene.HoldAsync(a, "a1", kind: AttemptKind.Restart);
        for (var i = 0; i < 5; i++)
        {
            await elsewhere.HoldAsync(other, "x1");
        }

        var verdict = await scene.AskAsync(scene.Request(a, "a1"));

        Assert.True(verdict.Granted);
        Assert.Equal((0, 0, 0), (verdict.InFlight, verdict.NodeOutbound, verdict.Held));
    }

    [Fact]
    public async Task ReserveAsync_UnfinishedAttemptOfADrainThatEnded_HoldsASlotOnlyWhileTheViewShowsItsVmimUnfinished()
    {
        // A drain ended with an attempt row left running (nobody will record its end): its slot is real only while the
        // VMIM runs; once the view no longer shows it unfinished (ended, garbage-collected), the row holds nothing.
        var scene = Scene();
        var ended = await scene.DrainAsync("e1");
        var vmim = await scene.HoldAsync(ended, "e1", AttemptOutcome.Running);
        await scene.FinishAsync(ended);
        var asking = await scene.DrainAsync("a1");
        var request = scene.Request(asking, "a1", limit: 1);

        var running = await scene.AskAsync(request with { StillInFlight = (ns, name) => ns == "vms" && name == vmim });
        var gone = await scene.AskAsync(request with { StillInFlight = (_, _) => false });
        var unknown = await scene.AskAsync(request);

        Assert.Equal((SlotRefusal.ClusterLimit, 1), (running.Refusal, running.InFlight));
        Assert.Equal((SlotRefusal.None, 0), (gone.Refusal, gone.InFlight));
        Assert.Equal(SlotRefusal.None, unknown.Refusal);
    }

    [Fact]
    public async Task ReserveAsync_ForeignVmims_EachHoldsASlotInTheClusterAndOnItsSource()
    {
        var scene = Scene();
        var a = await scene.DrainAsync("a1", "a2");
        await scene.HoldAsync(a, "a2");
        await scene.HoldAsync(a, "a2");

        var onOtherNodes = await scene.AskAsync(scene.Request(a, "a1", foreign: Foreign(("w1", 1), ("w2", 1))));
        var clusterFull = await scene.AskAsync(scene.Request(a, "a1", foreign: Foreign(("w1", 2), ("w2", 1))));
        var sourceFull = await scene.AskAsync(scene.Request(a, "a1", foreign: Foreign(("a1", 2))));

        Assert.True(onOtherNodes.Granted);
        Assert.Equal((4, 2), (onOtherNodes.InFlight, onOtherNodes.Foreign));
        Assert.Equal(SlotRefusal.ClusterLimit, clusterFull.Refusal);
        Assert.Equal(SlotRefusal.NodeLimit, sourceFull.Refusal);
        Assert.Equal(2, sourceFull.NodeOutbound);
    }

    [Fact]
    public async Task ReserveAsync_PerNodeLimit_CountsEveryDrainOutOfTheSource()
    {
        var scene = Scene();
        var a = await scene.DrainAsync("a1");
        var b = await scene.DrainAsync("b1");
        await scene.HoldAsync(a, "a1");
        await scene.HoldAsync(b, "b1");
        await scene.HoldAsync(b, "b1");

        var fromA = await scene.AskAsync(scene.Request(a, "a1"));
        var fromB = await scene.AskAsync(scene.Request(b, "b1"));

        Assert.True(fromA.Granted);
        Assert.Equal(SlotRefusal.NodeLimit, fromB.Refusal);
        Assert.Equal((2, 2), (fromB.NodeOutbound, fromB.NodeLimit));
    }

    [Fact]
    public async Task ReserveAsync_EndedNamesLeftOut_TheirSlotsAreFree()
    {
        var scene = Scene();
        var a = await scene.DrainAsync("a1", "a2");
        var b = await scene.DrainAsync("b1", "b2");
        var mine = await scene.HoldAsync(a, "a1");
        await scene.HoldAsync(a, "a2");
        var theirs = await scene.HoldAsync(b, "b1");
        await scene.HoldAsync(b, "b2");
        await scene.HoldAsync(b, "b2");

        var full = await scene.AskAsync(scene.Request(a, "a1"));
        var afterEnds = await scene.AskAsync(scene.Request(a, "a1", ended: new HashSet<string>([mine, theirs], StringComparer.Ordinal)));

        Assert.Equal(SlotRefusal.ClusterLimit, full.Refusal);
        Assert.True(afterEnds.Granted);
        Assert.Equal((3, 0, 1), (afterEnds.InFlight, afterEnds.NodeOutbound, afterEnds.Held));
    }

    [Fact]
    public async Task ReserveAsync_DrainOverItsShareWhileAnotherWants_Refused()
    {
        var scene = Scene();
        var a = await scene.DrainAsync("a1", "a2");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var b = await scene.DrainAsync("b1");
        await scene.HoldAsync(a, "a1");
        await scene.HoldAsync(a, "a1");
        await scene.HoldAsync(a, "a2");
        await scene.WantAsync(b, wanted: 3);

        // a holds 3 and wants 2 more, b wants 3: level 2 covers 4 of 5 and b, holding fewer, takes the fifth.
        var verdict = await scene.AskAsync(scene.Request(a, "a2", wanted: 2));
        var forB = await scene.AskAsync(scene.Request(b, "b1", wanted: 3));

        Assert.Equal(SlotRefusal.FairShare, verdict.Refusal);
        Assert.Equal((3, 2, 3), (verdict.Held, verdict.Share, verdict.InFlight));
        Assert.True(forB.Granted);
        Assert.Equal((0, 3), (forB.Held, forB.Share));
    }

    [Fact]
    public async Task ReserveAsync_OtherDemandStaleOrDrainFinished_Ignored()
    {
        var scene = Scene();
        var a = await scene.DrainAsync("a1", "a2");
        var b = await scene.DrainAsync("b1");
        var c = await scene.DrainAsync("c1");
        await scene.HoldAsync(a, "a1");
        await scene.HoldAsync(a, "a1");
        await scene.HoldAsync(a, "a2");
        await scene.WantAsync(b, wanted: 5);
        await scene.WantAsync(c, wanted: 5);
        var contested = await scene.AskAsync(scene.Request(a, "a2", wanted: 2));

        await scene.FinishAsync(c);
        _clock.Advance(BudgetScene.MaxAge + TimeSpan.FromSeconds(1));
        var alone = await scene.AskAsync(scene.Request(a, "a2", wanted: 2));

        Assert.Equal(SlotRefusal.FairShare, contested.Refusal);
        Assert.True(alone.Granted);
        Assert.Equal(5, alone.Share);
    }

    [Fact]
    public async Task ReserveAsync_NobodyElseWants_DrainMayUseEveryFreeSlot()
    {
        var scene = Scene();
        var a = await scene.DrainAsync("a1", "a2", "a3");
        var b = await scene.DrainAsync("b1");
        await scene.HoldAsync(b, "b1");
        await scene.WantAsync(b, wanted: 0);
        foreach (var node in new[] { "a1", "a1", "a2" })
        {
            await scene.HoldAsync(a, node);
        }

        var verdict = await scene.AskAsync(scene.Request(a, "a3", wanted: 1));

        Assert.True(verdict.Granted);
        Assert.Equal((3, 4), (verdict.Held, verdict.Share));
    }

    [Fact]
    public async Task ReserveAsync_UnknownDrain_Refused()
    {
        var scene = Scene();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => scene.AskAsync(scene.Request(Guid.NewGuid(), "a1")));

        Assert.Contains("no drain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReserveAsync_BadRequest_EveryProblemNamedAtOnce()
    {
        var scene = Scene();
        var a = await scene.DrainAsync("a1");
        var request = scene.Request(a, " ", limit: 0, nodeLimit: 0) with { DemandMaxAge = TimeSpan.Zero };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => scene.AskAsync(request));

        Assert.Contains("SourceNode must not be blank", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ClusterLimit must be at least 1, was 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NodeLimit must be at least 1, was 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DemandMaxAge must be positive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TwoDrainsWanting_HeldShareDemandAndForeignPerDrain()
    {
        var scene = Scene();
        var a = await scene.DrainAsync("a1", "a2");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var b = await scene.DrainAsync("b1");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var idle = await scene.DrainAsync("c1");
        await scene.HoldAsync(a, "a1");
        await scene.HoldAsync(a, "a2");
        await scene.HoldAsync(b, "b1");
        await scene.WantAsync(a, wanted: 3, foreign: 1);
        await scene.WantAsync(b, wanted: 3, foreign: 1);

        var budget = await scene.Store.ReadAsync(scene.Cluster, BudgetScene.MaxAge, CancellationToken.None);

        // 4 slots after the foreign one, both want 4 or more: 2 each.
        Assert.Equal([a, b, idle], budget.Select(d => d.DrainId));
        Assert.Equal((2, 5, 2, 5, 1), (budget[0].Held, budget[0].Demand, budget[0].Share, budget[0].ClusterLimit!.Value, budget[0].ForeignInFlight!.Value));
        Assert.Equal((1, 4, 2), (budget[1].Held, budget[1].Demand, budget[1].Share));
        Assert.Equal((0, 0, 0, false), (budget[2].Held, budget[2].Demand, budget[2].Share, budget[2].Stale));
        Assert.Equal(5, budget[2].ClusterLimit);
    }

    [Fact]
    public async Task ReadAsync_DemandWithdrawnOrStale_NotCounted()
    {
        var scene = Scene();
        var a = await scene.DrainAsync("a1");
        var b = await scene.DrainAsync("b1");
        await scene.WantAsync(a, wanted: 2);
        await scene.WantAsync(b, wanted: 2);
        await scene.Store.WithdrawDemandAsync(b, CancellationToken.None);
        _clock.Advance(BudgetScene.MaxAge + TimeSpan.FromSeconds(1));

        var budget = await scene.Store.ReadAsync(scene.Cluster, BudgetScene.MaxAge, CancellationToken.None);

        var (first, second) = (budget.Single(d => d.DrainId == a), budget.Single(d => d.DrainId == b));
        Assert.Equal((0, true), (first.Wanted, first.Stale));
        Assert.Equal((0, false, null), (second.Wanted, second.Stale, second.RefreshedAt));
    }

    [Fact]
    public async Task ReadOtherDrainNodesAsync_OtherActiveDrainsOfTheCluster_TheirUnreleasedNodes()
    {
        var scene = Scene();
        var elsewhere = Scene();
        var a = await scene.DrainAsync("a1");
        await scene.DrainAsync("b1", "b2");
        var done = await scene.DrainAsync("c1");
        await elsewhere.DrainAsync("x1");
        await scene.FinishAsync(done);

        var nodes = await scene.Store.ReadOtherDrainNodesAsync(scene.Cluster, a, CancellationToken.None);

        Assert.Equal(["b1", "b2"], nodes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ClusterLockKey_SameNameAnywhere_SameKey()
    {
        // Every replica of every version must take the same lock: the key is pinned, not just consistent in-process.
        Assert.Equal(ClusterLockKey.For("prod"), ClusterLockKey.For("prod"));
        Assert.NotEqual(ClusterLockKey.For("prod"), ClusterLockKey.For("prod2"));
        Assert.Equal(7363142914540336579L, ClusterLockKey.For("prod"));
    }

    [Fact]
    public async Task InFlightQuery_UsesThePartialIndexNotTheHistory()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("SET enable_seqscan = off");

        var plan = string.Join("\n", await connection.QueryAsync<string>(
            """
            EXPLAIN SELECT a.drain_id, a.vmim_name, a.source_node FROM migration_attempts a JOIN drains d ON d.id = a.drain_id
             WHERE d.cluster = 'prod' AND a.kind = 'migration' AND a.outcome IN ('intended', 'created', 'running')
            """));

        Assert.Contains("migration_attempts_in_flight", plan, StringComparison.Ordinal);
    }
}
