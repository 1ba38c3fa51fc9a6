using Dapper;

namespace DrainOrchestrator.Persistence.Workflows;

public sealed partial class WorkflowStore
{
    private const string SchedulePrefix = "schedule/";

    /// <summary>
    /// Suspends an instance until the next window of its schedule (as <see cref="SetStateAsync"/> with
    /// <c>suspended</c>). An instance a schedule fired whose schedule was deleted meanwhile would wait for an occurrence
    /// that never comes: its reason then says so and how to go on, and Orphaned names the schedule. The schedule's row is
    /// shared-locked first (as a firing does), so a concurrent delete either comes first, and this sees it, or waits and
    /// then sees the instance suspended (and is refused).
    /// </summary>
    public async Task<(bool Written, string? Orphaned)> SuspendAsync(Guid id, string waitingFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waitingFor);
        var written = false;
        string? orphaned = null;
        await InTransactionAsync(async transaction =>
        {
            var (name, requestedBy) = await transaction.Connection!.QuerySingleOrDefaultAsync<(string Name, string? RequestedBy)>(new CommandDefinition(
                "SELECT name, requested_by FROM workflow_instances WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
            if (requestedBy is not null && requestedBy.StartsWith(SchedulePrefix, StringComparison.Ordinal))
            {
                var schedule = requestedBy[SchedulePrefix.Length..];
                if (await transaction.Connection!.ExecuteScalarAsync<int?>(new CommandDefinition(
                        "SELECT 1 FROM schedules WHERE name = @schedule AND deleted_at IS NULL FOR SHARE", new { schedule }, transaction,
                        cancellationToken: cancellationToken)) is null)
                {
                    orphaned = schedule;
                    waitingFor += $"; its schedule {schedule} was deleted, so no occurrence will take it up: create a schedule named {schedule} again " +
                        $"(its next occurrence resumes this instance) or cancel it (drainctl workflow cancel {name}, which also cancels its drains)";
                }
            }

            written = await ChangeStateAsync(transaction, id, "suspended", waitingFor, null, SetStateSql, actor, cancellationToken);
        }, cancellationToken);
        return (written, orphaned);
    }
}
