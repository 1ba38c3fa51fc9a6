using DrainOrchestrator.Engine.Telemetry;
using DrainOrchestrator.Persistence.Fencing;
using DrainOrchestrator.Persistence.Journal.Events;
using Npgsql;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// Runs the writes that matter, each conditional on the drain's lease (epoch fencing) and journaled with what it does,
/// so a process that lost the lease can neither change state nor leave a record. The lease check is part of the
/// journal's append statement (<see cref="FencedStatement"/>, <c>FOR SHARE</c>): a write given as
/// <see cref="FencedChange"/>s is that one statement, without an explicit transaction; a write given as code runs in a
/// transaction that the fenced append ends, so a lost lease rolls the code's writes back.
/// </summary>
internal sealed class FencedWriter(NpgsqlDataSource dataSource, OwnershipLease ownership, Guid drainId, string actor,
    TimeProvider time)
{
    /// <summary>The database written to.</summary>
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>Runs <paramref name="work"/>, then appends <paramref name="journalEvent"/> fenced, then commits.</summary>
    public Task WriteAsync(JournalEvent journalEvent, Func<NpgsqlTransaction, Task>? work, CancellationToken cancellationToken) =>
        work is null
            ? WriteAsync([journalEvent], [], cancellationToken)
            : WriteIfAsync(null, journalEvent, work, cancellationToken);

    /// <summary>Makes <paramref name="changes"/> and appends <paramref name="events"/> in one fenced statement.</summary>
    public async Task WriteAsync(IReadOnlyList<JournalEvent> events, IReadOnlyList<FencedChange> changes, CancellationToken cancellationToken)
    {
        var lease = ownership.Current;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await FencedStatement.ExecuteAsync(connection, null, lease, drainId, actor, time.GetUtcNow(), events, changes, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="gate"/> in a transaction; when it says no, rolls back (nothing written, nothing journaled) and
    /// returns false. Otherwise runs <paramref name="work"/> in the same transaction, appends the event fenced (a lost
    /// lease throws and rolls everything back), commits and returns true.
    /// </summary>
    public async Task<bool> WriteIfAsync(Func<NpgsqlTransaction, Task<bool>>? gate, JournalEvent journalEvent,
        Func<NpgsqlTransaction, Task>? work, CancellationToken cancellationToken) =>
        await WriteIfAsync(gate, [journalEvent], work, [], cancellationToken) is not null;

    /// <summary>
    /// As <see cref="WriteIfAsync(Func{NpgsqlTransaction, Task{bool}}?, JournalEvent, Func{NpgsqlTransaction, Task}?, CancellationToken)"/>,
    /// with <paramref name="changes"/> made in the statement that appends <paramref name="events"/>. Returns what that
    /// statement wrote, or null when the gate said no.
    /// </summary>
    public async Task<FencedResult?> WriteIfAsync(Func<NpgsqlTransaction, Task<bool>>? gate, IReadOnlyList<JournalEvent> events,
        Func<NpgsqlTransaction, Task>? work, IReadOnlyList<FencedChange> changes, CancellationToken cancellationToken)
    {
        var lease = ownership.Current;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (gate is not null && !await gate(transaction))
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        if (work is not null)
        {
            await work(transaction);
        }

        var written = await FencedStatement.ExecuteAsync(connection, transaction, lease, drainId, actor, time.GetUtcNow(), events, changes,
            cancellationToken);
        var committing = time.GetTimestamp();
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            // A commit that failed or was cancelled waited too: a stall that ends in an error counts.
            EngineMetrics.Committed(time.GetElapsedTime(committing));
        }

        return written;
    }
}
