using Dapper;
using DrainOrchestrator.Persistence.Audit;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Tests.Journal;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Audit;

/// <summary>A finished drain with a few journal records appended the way the engine appends them, and ways to tamper with it.</summary>
internal sealed class LedgerScene(NpgsqlDataSource dataSource, Guid drainId, IReadOnlyList<long> seqs, long gap)
{
    /// <summary>A free sequence number between the second and the third record (an append rolled back).</summary>
    public long Gap { get; } = gap;

    public Guid DrainId { get; } = drainId;

    /// <summary>The drain's records in order.</summary>
    public IReadOnlyList<long> Seqs { get; } = seqs;

    public ChainKey Chain => ChainKey.OfDrain(DrainId);

    public static async Task<LedgerScene> CreateAsync(NpgsqlDataSource dataSource)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero).AddTicks(1234560));
        var drain = await DrainFixtures.CreateAsync(dataSource, clock, "worker-1", "worker-2");
        var store = new JournalStore(dataSource, clock);
        var seqs = new List<long>();
        var gap = 0L;
        JournalEvent[] events =
        [
            new StepCompleted("validate"),
            new ProgressReported([new NodeProgress("worker-1", 3, 1, 2, 1, 0, 0, 0, 0)], false, 12.5),
            new StepCompleted("lock"),
            DrainSignalled.Of(DrainSignal.Pause, DrainState.Running, DrainState.Paused),
            new StepCompleted("Zoë \"ops\" \n<admin> ✓ \u0001"),
            new StepCompleted("cordon"),
            new StepCompleted("migrate"),
        ];
        foreach (var chunk in events.Chunk(2))
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var e in chunk)
            {
                seqs.Add(await store.AppendAsync(transaction, drain.Id, e, e is DrainSignalled ? "opérateur" : "engine-a", e is DrainSignalled ? null : 7, CancellationToken.None));
                clock.Advance(TimeSpan.FromMilliseconds(1.5));
            }

            await transaction.CommitAsync();
            if (seqs.Count == 2)
            {
                gap = await RolledBackAppendAsync(dataSource, store, drain.Id);
            }
        }

        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE drains SET state = 'succeeded', started_at = @at, finished_at = @at WHERE id = @id",
                new { id = drain.Id, at = clock.GetUtcNow() });
        }

        return new LedgerScene(dataSource, drain.Id, seqs, gap);
    }

    private static async Task<long> RolledBackAppendAsync(NpgsqlDataSource dataSource, JournalStore store, Guid drainId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var seq = await store.AppendAsync(transaction, drainId, new StepCompleted("never"), "engine-a", 7, CancellationToken.None);
        await transaction.RollbackAsync();
        return seq;
    }

    public Task<ChainVerdict> VerifyAsync(IReadOnlyCollection<JournalAnchor>? exported = null) =>
        new AuditStore(dataSource).VerifyAsync(Chain, exported ?? [], CancellationToken.None);

    /// <summary>Runs <paramref name="sql"/> as the superuser with every trigger off, as someone who owns the server would.</summary>
    public async Task TamperAsync(string sql, object? parameters = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SET LOCAL session_replication_role = replica", transaction: transaction);
        await connection.ExecuteAsync(sql, parameters, transaction);
        await transaction.CommitAsync();
    }
}
