using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Leases;
using Npgsql;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// Runs the writes that matter: each in one transaction that first confirms (and locks) the drain's lease, then
/// journals what it does, so a process that lost the lease can neither change state nor leave a record.
/// </summary>
internal sealed class FencedWriter(NpgsqlDataSource dataSource, JournalStore journal, OwnershipLease ownership, Guid drainId, string actor)
{
    /// <summary>The database written to.</summary>
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>Runs <paramref name="work"/> fenced, then appends <paramref name="journalEvent"/>, then commits.</summary>
    public Task WriteAsync(JournalEvent journalEvent, Func<NpgsqlTransaction, Task>? work, CancellationToken cancellationToken) =>
        WriteIfAsync(null, journalEvent, work, cancellationToken);

    /// <summary>
    /// Runs <paramref name="gate"/> fenced; when it says no, rolls back (nothing written, nothing journaled) and returns
    /// false. Otherwise runs <paramref name="work"/> in the same transaction, appends the event, commits and returns true.
    /// </summary>
    public async Task<bool> WriteIfAsync(Func<NpgsqlTransaction, Task<bool>>? gate, JournalEvent journalEvent,
        Func<NpgsqlTransaction, Task>? work, CancellationToken cancellationToken)
    {
        var lease = ownership.Current;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LeaseStore.EnsureHeldAsync(transaction, lease, cancellationToken);
        if (gate is not null && !await gate(transaction))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        if (work is not null)
        {
            await work(transaction);
        }

        await journal.AppendAsync(transaction, drainId, journalEvent, actor, lease.Epoch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
