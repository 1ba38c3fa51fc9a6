using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Tests.Journal;
using DrainOrchestrator.Persistence.Waves;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Attempts;

/// <summary>The transfers a plan learns from: succeeded live migrations of its VMIs or out of its nodes, on its cluster only.</summary>
public sealed class TransferHistoryStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task List_SucceededOfTheVmisOrOutOfTheNodes_OnlyThisClusterAndOnlyFinishedTransfers()
    {
        var drain = await DrainWithWaveAsync();
        var other = await DrainWithWaveAsync();
        var uid = "uid-" + Guid.NewGuid().ToString("N")[..8];
        var node = "node-" + Guid.NewGuid().ToString("N")[..8];
        await AttemptAsync(drain, uid, "elsewhere", AttemptOutcome.Succeeded, "PostCopy", bytes: 4096);   // the VMI, from another node
        await AttemptAsync(drain, "uid-x-" + uid, node, AttemptOutcome.Succeeded, "PreCopy", bytes: null); // another VMI out of the node
        await AttemptAsync(drain, "uid-y-" + uid, node, AttemptOutcome.Failed, "PreCopy", bytes: null);    // failed: no transfer to learn from
        await AttemptAsync(drain, "uid-z-" + uid, "unrelated", AttemptOutcome.Succeeded, "PreCopy", bytes: null);
        await AttemptAsync(other, uid, node, AttemptOutcome.Succeeded, "PreCopy", bytes: null);          // the same names on another cluster

        var transfers = await new TransferHistoryStore(database.DataSource).ListAsync(drain.Cluster, [uid], [node], CancellationToken.None);

        Assert.Equal(2, transfers.Count);
        var mine = Assert.Single(transfers, t => t.VmiUid == uid);
        Assert.Equal(("elsewhere", 4096L, true), (mine.SourceNode, mine.BytesProcessed!.Value, mine.PostCopy));
        Assert.Equal(TimeSpan.FromSeconds(40), mine.FinishedAt - mine.StartedAt);
        var fromNode = Assert.Single(transfers, t => t.SourceNode == node);
        Assert.Equal(("uid-x-" + uid, (long?)null, false), (fromNode.VmiUid, fromNode.BytesProcessed, fromNode.PostCopy));
    }

    private async Task<DrainRecord> DrainWithWaveAsync()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock, "worker-1");
        await InTransactionAsync(t => new WaveStore(database.DataSource, _clock)
            .RecordPlanAsync(t, drain.Id, "rolling", 5, [new PlannedWaveRow(1, 5)], CancellationToken.None));
        return drain;
    }

    private async Task AttemptAsync(DrainRecord drain, string uid, string source, AttemptOutcome outcome, string mode, long? bytes)
    {
        var store = new AttemptStore(database.DataSource, _clock);
        var name = "drain-" + Guid.NewGuid().ToString("N")[..12];
        await InTransactionAsync(t => store.InsertIntendedAsync(t, new NewAttempt(drain.Id, 1, 1, "ns", "vm", uid, source, "target", name, PostCopy: false),
            CancellationToken.None));
        var start = _clock.GetUtcNow();
        await InTransactionAsync(t => store.ObserveAsync(t, name, new AttemptObservation(outcome, Mode: mode, BytesProcessed: bytes,
            StartedAt: start, FinishedAt: start.AddSeconds(40)), CancellationToken.None));
    }

    private async Task InTransactionAsync(Func<NpgsqlTransaction, Task> work)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await work(transaction);
        await transaction.CommitAsync();
    }
}
