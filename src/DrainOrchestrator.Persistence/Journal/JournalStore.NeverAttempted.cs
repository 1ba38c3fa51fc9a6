using Dapper;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Persistence.Journal;

public sealed partial class JournalStore
{
    /// <summary>
    /// The items of drain <paramref name="drainId"/>'s last plan with one of <paramref name="dispositions"/> for which the
    /// drain recorded no attempt at all: what a drain that ended early (cancelled, failed, suspended) left without ever
    /// starting it. Found in the database (the plan's items against the attempts), so a report of a large drain reads
    /// only those.
    /// </summary>
    public async Task<IReadOnlyList<PlanItem>> ReadNeverAttemptedAsync(Guid drainId, IReadOnlyCollection<string> dispositions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispositions);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT {Columns}
              FROM event_journal e
             WHERE e.drain_id = @drainId AND e.kind = ANY(@kinds) AND e.payload ->> @field = ANY(@values)
               AND e.seq > coalesce((SELECT max(p.seq) FROM event_journal p WHERE p.drain_id = @drainId AND p.kind = ANY(@plans)), 0)
               AND NOT EXISTS (SELECT 1 FROM migration_attempts a WHERE a.drain_id = @drainId AND a.vmi_uid = e.payload ->> @uid)
             ORDER BY e.seq
            """,
            new
            {
                drainId,
                kinds = JournalCatalogue.KindsOf<PlanItem>().ToArray(),
                plans = JournalCatalogue.KindsOf<PlanCreated>().ToArray(),
                field = PlanItem.DispositionField,
                values = dispositions.ToArray(),
                uid = UidField,
            },
            cancellationToken: cancellationToken));
        return Read<PlanItem>(rows);
    }
}
