using Dapper;
using DrainOrchestrator.Persistence.Journal.Events;
using Npgsql;

namespace DrainOrchestrator.Persistence.Journal;

/// <summary>
/// The append-only event journal: every decision, intent, signal and outcome of a drain, in order. Appends take the
/// caller's transaction, so an event commits together with the state change it describes (or not at all).
/// </summary>
public sealed partial class JournalStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    // Appends are serialised until their commit by this transaction-scoped advisory lock, so sequence numbers become
    // visible in order: a reader that has seen seq N never sees a smaller one appear later (Server-Sent Events resume
    // from Last-Event-ID on that promise). Callers append last, just before they commit, so the lock is held briefly.
    private const long AppendLock = 0x4a4f55524e414c; // "JOURNAL"

    private const string Columns =
        """
        seq AS Seq, drain_id AS DrainId, occurred_at AS OccurredAt, kind AS Kind, actor AS Actor, lease_epoch AS LeaseEpoch,
        payload::text AS PayloadJson
        """;

    /// <summary>
    /// Appends <paramref name="journalEvent"/> (an event of <see cref="JournalCatalogue"/>) inside
    /// <paramref name="transaction"/> and returns its sequence number.
    /// </summary>
    public async Task<long> AppendAsync(NpgsqlTransaction transaction, Guid? drainId, JournalEvent journalEvent, string actor,
        long? leaseEpoch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(journalEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var kind = JournalCatalogue.Describe(journalEvent.GetType()).Kind;
        var payloadJson = JournalCatalogue.Serialize(journalEvent);
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

    /// <summary>
    /// Appends <paramref name="journalEvent"/> to the journal of workflow instance <paramref name="workflowInstanceId"/>
    /// inside <paramref name="transaction"/> and returns its sequence number.
    /// </summary>
    public async Task<long> AppendForWorkflowAsync(NpgsqlTransaction transaction, Guid workflowInstanceId, JournalEvent journalEvent, string actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(journalEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO event_journal (workflow_instance_id, occurred_at, kind, actor, payload)
            SELECT @workflowInstanceId, @now, @kind, @actor, @payloadJson::jsonb FROM (SELECT pg_advisory_xact_lock(@lockKey)) AS ordered
            RETURNING seq
            """,
            new
            {
                workflowInstanceId,
                now = timeProvider.GetUtcNow(),
                kind = JournalCatalogue.Describe(journalEvent.GetType()).Kind,
                actor,
                payloadJson = JournalCatalogue.Serialize(journalEvent),
                lockKey = AppendLock,
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Every event of one workflow instance, as recorded, in journal order.</summary>
    public async Task<IReadOnlyList<JournalEntry>> ReadWorkflowAsync(Guid workflowInstanceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM event_journal WHERE workflow_instance_id = @workflowInstanceId ORDER BY seq",
            new { workflowInstanceId },
            cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }

    /// <summary>Every event of one drain, as recorded, in journal order.</summary>
    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(Guid drainId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM event_journal WHERE drain_id = @drainId ORDER BY seq",
            new { drainId },
            cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }

    /// <summary>
    /// The events of one drain that are <typeparamref name="TEvent"/>s (of its kind, or of every kind deriving from it),
    /// in journal order.
    /// </summary>
    public async Task<IReadOnlyList<TEvent>> ReadAsync<TEvent>(Guid drainId, CancellationToken cancellationToken)
        where TEvent : JournalEvent
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM event_journal WHERE drain_id = @drainId AND kind = ANY(@kinds) ORDER BY seq",
            new { drainId, kinds = JournalCatalogue.KindsOf<TEvent>().ToArray() },
            cancellationToken: cancellationToken));
        return Read<TEvent>(rows);
    }

    /// <summary>
    /// The <typeparamref name="TEvent"/>s of one drain whose payload's top-level <paramref name="field"/> is one of
    /// <paramref name="values"/>, in journal order: the database picks the few a caller needs out of many (a report
    /// wants the 1,000 skipped VMs among 100,000 planned ones). The field is the event's constant, e.g.
    /// <see cref="PlanItem.DispositionField"/>.
    /// </summary>
    public async Task<IReadOnlyList<TEvent>> ReadWhereAsync<TEvent>(Guid drainId, string field, IReadOnlyCollection<string> values,
        CancellationToken cancellationToken)
        where TEvent : JournalEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentNullException.ThrowIfNull(values);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns}
              FROM event_journal WHERE drain_id = @drainId AND kind = ANY(@kinds) AND payload ->> @field = ANY(@values)
             ORDER BY seq
            """,
            new { drainId, kinds = JournalCatalogue.KindsOf<TEvent>().ToArray(), field, values = values.ToArray() },
            cancellationToken: cancellationToken));
        return Read<TEvent>(rows);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="afterSeq"/>, in journal order: of one drain, or of
    /// every drain when <paramref name="drainId"/> is null. Sequence numbers become visible in order (see AppendAsync),
    /// so reading on from the last one seen misses nothing. Workflow events (<see cref="ReadWorkflowAsync"/>) are not drains' events.
    /// </summary>
    public async Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(Guid? drainId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns}
              FROM event_journal WHERE seq > @afterSeq {(drainId is null ? "AND workflow_instance_id IS NULL" : "AND drain_id = @drainId")}
             ORDER BY seq LIMIT @limit
            """,
            new { drainId, afterSeq, limit },
            cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }

    private static List<TEvent> Read<TEvent>(IEnumerable<Row> rows)
        where TEvent : JournalEvent => [.. rows.Select(r => JournalCatalogue.Read(r.Kind, r.PayloadJson)).OfType<TEvent>()];

    private static JournalEntry ToEntry(Row r) => new(r.Seq, r.DrainId,
        new DateTimeOffset(DateTime.SpecifyKind(r.OccurredAt, DateTimeKind.Utc)), r.Kind, r.Actor, r.LeaseEpoch, r.PayloadJson);

    private sealed record Row(long Seq, Guid? DrainId, DateTime OccurredAt, string Kind, string Actor, long? LeaseEpoch, string PayloadJson);
}
