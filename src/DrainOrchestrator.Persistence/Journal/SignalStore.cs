using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal.Events;
using Npgsql;

namespace DrainOrchestrator.Persistence.Journal;

/// <summary>
/// Operators' signals, stored as drain states (<c>paused</c>, <c>running</c>, <c>cancelling</c>; a resume of a drain paused
/// between two maintenance windows returns it to <c>suspended</c>) and journaled in the same transaction. The engine that
/// owns the drain reads the state and acts; no lease is needed to signal.
/// </summary>
public sealed class SignalStore(NpgsqlDataSource dataSource, DrainStateStore states, JournalStore journal)
{
    /// <summary>Applies <paramref name="signal"/> to the drain; refused (not an error) when the state does not allow it.</summary>
    /// <remarks>
    /// The signal locks the drain's row and then the journal's order; an engine transaction writing at the same moment
    /// may take them the other way round, and PostgreSQL then aborts one of the two as a deadlock. Nothing of the aborted
    /// transaction was written, so the signal is simply sent again (a few times) instead of failing the caller.
    /// </remarks>
    public async Task<SignalResult> SendAsync(Guid drainId, DrainSignal signal, string actor, CancellationToken cancellationToken)
    {
        const int Tries = 4;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(drainId, signal, actor, cancellationToken);
            }
            catch (PostgresException ex) when (attempt < Tries && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // Aborted by the database, nothing written: send it again.
            }
        }
    }

    private async Task<SignalResult> SendOnceAsync(Guid drainId, DrainSignal signal, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await DrainStateStore.ReadStateAsync(transaction, drainId, forUpdate: true, cancellationToken) is not { } state)
        {
            return new SignalResult(false, null, null, $"there is no drain {drainId}");
        }

        var (target, refusal) = Transition(state, signal);
        if (refusal is not null)
        {
            return new SignalResult(target == state, state, state, refusal);
        }

        if (target == DrainState.Running && await SuspendedSinceLastRunAsync(transaction, drainId, cancellationToken))
        {
            // Paused while it waited for its next window, or when its window ended: resumed, it waits for that window
            // again (a run with no window would migrate outside it).
            target = DrainState.Suspended;
        }

        await states.SetStateAsync(transaction, drainId, target!.Value, null, cancellationToken);
        await journal.AppendAsync(transaction, drainId, DrainSignalled.Of(signal, state, target.Value), actor, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SignalResult(true, state, target, $"drain moved from {state.ToDatabase()} to {target.Value.ToDatabase()}");
    }

    // Whether the drain's last word from a run is its suspension at a window's end: no run took it up since.
    private static async Task<bool> SuspendedSinceLastRunAsync(NpgsqlTransaction transaction, Guid drainId, CancellationToken cancellationToken)
    {
        var suspended = JournalCatalogue.KindsOf<DrainSuspended>();
        await using var command = new NpgsqlCommand(
            "SELECT kind FROM event_journal WHERE drain_id = @drainId AND kind = ANY(@kinds) ORDER BY seq DESC LIMIT 1",
            transaction.Connection, transaction);
        command.Parameters.AddWithValue("drainId", drainId);
        command.Parameters.AddWithValue("kinds", suspended.Concat(JournalCatalogue.KindsOf<DrainStarted>()).Concat(JournalCatalogue.KindsOf<DrainResumed>()).ToArray());
        return await command.ExecuteScalarAsync(cancellationToken) is string kind && suspended.Contains(kind);
    }

    // The state the signal moves the drain to, or why it does not: with the drain's own state as target when the
    // drain already is as asked (accepted), with none when the signal does not apply (refused).
    private static (DrainState? Target, string? Refusal) Transition(DrainState state, DrainSignal signal)
    {
        if (state.IsFinal())
        {
            return (null, $"the drain is already {state.ToDatabase()}");
        }

        return signal switch
        {
            DrainSignal.Pause when state is DrainState.Pending or DrainState.Running or DrainState.Suspended => (DrainState.Paused, null),
            DrainSignal.Pause when state == DrainState.Paused => (state, "the drain is already paused"),
            DrainSignal.Resume when state == DrainState.Paused => (DrainState.Running, null),
            DrainSignal.Resume when state == DrainState.Running => (state, "the drain is already running"),
            DrainSignal.Cancel when state == DrainState.Cancelling => (state, "the drain is already being cancelled"),
            DrainSignal.Cancel => (DrainState.Cancelling, null),
            _ => (null, $"a {state.ToDatabase()} drain cannot be {signal.ToString().ToLowerInvariant()}d"),
        };
    }
}
