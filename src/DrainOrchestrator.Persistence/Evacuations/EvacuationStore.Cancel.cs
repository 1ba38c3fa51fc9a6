using Dapper;

namespace DrainOrchestrator.Persistence.Evacuations;

public sealed partial class EvacuationStore
{
    /// <summary>
    /// Records an operator's cancel: the state <c>cancelling</c> and a journal entry naming <paramref name="actor"/>, in one
    /// transaction. No lease is needed, as for a drain's signal: the owner reads the state on its next pass (or on resume,
    /// so the cancel survives restarts). Refused (not an error) when the evacuation has ended; accepted again when it is
    /// being cancelled already. Null when there is no such evacuation.
    /// </summary>
    public async Task<EvacuationCancelResult?> CancelAsync(Guid id, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var word = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT state FROM evacuations WHERE id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));
        if (word is null)
        {
            return null;
        }

        var state = EvacuationWords.EvacuationStateOf(word);
        if (state != EvacuationState.Running)
        {
            await transaction.CommitAsync(cancellationToken);
            return state == EvacuationState.Cancelling
                ? new EvacuationCancelResult(true, state, "the evacuation is already being cancelled")
                : new EvacuationCancelResult(false, state, $"the evacuation has ended ({word}); there is nothing to cancel");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE evacuations SET state = 'cancelling' WHERE id = @id;
            INSERT INTO evacuation_journal (evacuation_id, kind, lease_epoch, occurred_at, detail)
            VALUES (@id, @kind, 0, @now, @actor);
            """,
            new { id, kind = EvacuationJournalKinds.CancelRequested, now, actor }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new EvacuationCancelResult(true, state, "the evacuation moved from running to cancelling");
    }
}
