using Dapper;
using Npgsql;

namespace DrainOrchestrator.Persistence.Journal;

/// <summary>
/// The append-only event journal: every decision, intent, signal and outcome of a drain, in order. Appends take the
/// caller's transaction, so an event commits together with the state change it describes (or not at all).
/// </summary>
public sealed class JournalStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    // Appends are serialised until their commit by this transaction-scoped advisory lock, so sequence numbers become
    // visible in order: a reader that has seen seq N never sees a smaller one appear later (Server-Sent Events resume
    // from Last-Event-ID on that promise). Callers append last, just before they commit, so the lock is held briefly.
    private const long AppendLock = 0x4a4f55524e414c; // "JOURNAL"

    /// <summary>Appends one event inside <paramref name="transaction"/> and returns its sequence number.</summary>
    public async Task<long> AppendAsync(NpgsqlTransaction transaction, Guid? drainId, string kind, string actor,
        long? leaseEpoch, string payloadJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(payloadJson);
        return await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO event_journal (drain_id, occurred_at, kind, actor, lease_epoch, payload)
            SELECT @drainId, @now, @kind, @actor, @leaseEpoch, @payloadJson::jsonb FROM (SELECT pg_advisory_xact_lock(@lockKey)) AS ordered
            RETURNING seq
            """,
            new { drainId, now = timeProvider.GetUtcNow(), kind, actor, leaseEpoch, payloadJson, lockKey = AppendLock },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Every event of one drain in journal order, optionally only those of one kind.</summary>
    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(Guid drainId, string? kind, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT seq AS Seq, drain_id AS DrainId, occurred_at AS OccurredAt, kind AS Kind, actor AS Actor,
                   lease_epoch AS LeaseEpoch, payload::text AS PayloadJson
              FROM event_journal WHERE drain_id = @drainId {(kind is null ? string.Empty : "AND kind = @kind")}
             ORDER BY seq
            """,
            new { drainId, kind },
            cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }

    /// <summary>
    /// The events of one kind whose payload's top-level <paramref name="field"/> is one of <paramref name="values"/>, in
    /// journal order: the database picks the few a caller needs out of many (a report wants the 1,000 skipped VMs among
    /// 100,000 planned ones).
    /// </summary>
    public async Task<IReadOnlyList<JournalEntry>> ReadWhereAsync(Guid drainId, string kind, string field,
        IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentNullException.ThrowIfNull(values);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT seq AS Seq, drain_id AS DrainId, occurred_at AS OccurredAt, kind AS Kind, actor AS Actor,
                   lease_epoch AS LeaseEpoch, payload::text AS PayloadJson
              FROM event_journal WHERE drain_id = @drainId AND kind = @kind AND payload ->> @field = ANY(@values)
             ORDER BY seq
            """,
            new { drainId, kind, field, values = values.ToArray() },
            cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }

    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="afterSeq"/>, in journal order: of one drain, or of
    /// every drain when <paramref name="drainId"/> is null. Sequence numbers become visible in order (see AppendAsync),
    /// so reading on from the last one seen misses nothing.
    /// </summary>
    public async Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(Guid? drainId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT seq AS Seq, drain_id AS DrainId, occurred_at AS OccurredAt, kind AS Kind, actor AS Actor,
                   lease_epoch AS LeaseEpoch, payload::text AS PayloadJson
              FROM event_journal WHERE seq > @afterSeq {(drainId is null ? string.Empty : "AND drain_id = @drainId")}
             ORDER BY seq LIMIT @limit
            """,
            new { drainId, afterSeq, limit },
            cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }

    private static JournalEntry ToEntry(Row r) => new(r.Seq, r.DrainId,
        new DateTimeOffset(DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc)), r.Kind, r.Actor, r.LeaseEpoch, r.PayloadJson);

    private sealed record Row(long Seq, Guid? DrainId, DateTime OccurredAt, string Kind, string Actor, long? LeaseEpoch, string PayloadJson);
}
