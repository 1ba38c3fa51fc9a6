using System.Text.Json;
using DrainOrchestrator.Persistence.Drains;
using Npgsql;

namespace DrainOrchestrator.Persistence.Journal;

/// <summary>
/// Operators' signals, stored as drain states (<c>paused</c>, <c>running</c>, <c>cancelling</c>) and journaled in the
/// same transaction. The engine that owns the drain reads the state and acts; no lease is needed to signal.
/// </summary>
public sealed class SignalStore(NpgsqlDataSource dataSource, DrainStateStore states, JournalStore journal)
{
    /// <summary>Applies <paramref name="signal"/> to the drain; refused (not an error) when the state does not allow it.</summary>
    public async Task<SignalResult> SendAsync(Guid drainId, DrainSignal signal, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var state = await DrainStateStore.ReadStateAsync(transaction, drainId, forUpdate: true, cancellationToken);
        if (state is null)
        {
            return new SignalResult(false, null, null, $"there is no drain {drainId}");
        }

        var (target, refusal) = Transition(state, signal);
        if (refusal is not null)
        {
            return new SignalResult(target == state, state, state, refusal);
        }

        await states.SetStateAsync(transaction, drainId, target, null, cancellationToken);
        var payload = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["signal"] = signal.ToString().ToLowerInvariant(),
            ["from"] = state,
            ["to"] = target,
        });
        await journal.AppendAsync(transaction, drainId, "signal." + signal.ToString().ToLowerInvariant(), actor, null, payload,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SignalResult(true, state, target, $"drain moved from {state} to {target}");
    }

    private static (string Target, string? Refusal) Transition(string state, DrainSignal signal)
    {
        if (DrainState.IsFinal(state))
        {
            return ("", $"the drain is already {state}");
        }

        return signal switch
        {
            DrainSignal.Pause when state is DrainState.Pending or DrainState.Running => (DrainState.Paused, null),
            DrainSignal.Pause when state == DrainState.Paused => (state, "the drain is already paused"),
            DrainSignal.Resume when state == DrainState.Paused => (DrainState.Running, null),
            DrainSignal.Resume when state == DrainState.Running => (state, "the drain is already running"),
            DrainSignal.Cancel when state == DrainState.Cancelling => (state, "the drain is already being cancelled"),
            DrainSignal.Cancel => (DrainState.Cancelling, null),
            _ => ("", $"a {state} drain cannot be {signal.ToString().ToLowerInvariant()}d"),
        };
    }
}
