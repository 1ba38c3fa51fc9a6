using Dapper;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Persistence.Journal;

/// <summary>Entries of chosen kinds, with who recorded them: what a report's "who did what" reads.</summary>
public sealed partial class JournalStore
{
    /// <summary>
    /// The entries of drain <paramref name="drainId"/> whose kind is one of <typeparamref name="TEvent"/>'s (every kind
    /// deriving from it), in journal order, with their actor and time.
    /// </summary>
    public Task<IReadOnlyList<JournalEntry>> ReadEntriesAsync<TEvent>(Guid drainId, CancellationToken cancellationToken)
        where TEvent : JournalEvent => ReadEntriesAsync("drain_id", drainId, JournalCatalogue.KindsOf<TEvent>(), cancellationToken);

    /// <summary>
    /// The entries of workflow instance <paramref name="workflowInstanceId"/> whose kind is one of
    /// <typeparamref name="TEvent"/>'s, in journal order, with their actor and time.
    /// </summary>
    public Task<IReadOnlyList<JournalEntry>> ReadWorkflowEntriesAsync<TEvent>(Guid workflowInstanceId, CancellationToken cancellationToken)
        where TEvent : JournalEvent => ReadEntriesAsync("workflow_instance_id", workflowInstanceId, JournalCatalogue.KindsOf<TEvent>(), cancellationToken);

    // The column is one of two constants of this file, never a caller's text.
    private async Task<IReadOnlyList<JournalEntry>> ReadEntriesAsync(string column, Guid id, IReadOnlyList<string> kinds,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM event_journal WHERE {column} = @id AND kind = ANY(@kinds) ORDER BY seq",
            new { id, kinds = kinds.ToArray() },
            cancellationToken: cancellationToken));
        return rows.Select(ToEntry).ToList();
    }
}
