using Dapper;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using Npgsql;

namespace DrainOrchestrator.Persistence.Workflows;

/// <summary>Stored schedules and their occurrences; an occurrence is claimed by the first insert of its (schedule, due) row.</summary>
public sealed class ScheduleStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string Columns =
        """
        id AS Id, name AS Name, cluster AS Cluster, workflow AS Workflow, workflow_version AS WorkflowVersion, definition AS Definition, content_hash AS ContentHash,
        arguments::text AS ArgumentsJson, cron AS Cron, time_zone AS TimeZone, duration_seconds AS DurationSeconds, exclusions::text AS ExclusionsJson,
        misfire_action AS MisfireAction, misfire_grace_seconds AS MisfireGraceSeconds, created_by AS CreatedBy, created_at AS CreatedAt
        """;

    public async Task<ScheduleRecord> CreateAsync(ScheduleRecord schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO schedules (id, name, cluster, workflow, workflow_version, definition, content_hash, arguments, cron, time_zone, duration_seconds, exclusions,
                                   misfire_action, misfire_grace_seconds, created_by, created_at)
            VALUES (@Id, @Name, @Cluster, @Workflow, @WorkflowVersion, @Definition, @ContentHash, @ArgumentsJson::jsonb, @Cron, @TimeZone, @DurationSeconds,
                    @ExclusionsJson::jsonb, @MisfireAction, @MisfireGraceSeconds, @CreatedBy, @CreatedAt)
            """, schedule, cancellationToken: cancellationToken));
        return schedule;
    }

    /// <summary>
    /// The schedule named <paramref name="name"/>: the live one, or, when none is, the one deleted last (its firings stay
    /// recorded and readable); null when no schedule ever had the name.
    /// </summary>
    public async Task<ScheduleRecord?> FindLatestAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM schedules WHERE name = @name ORDER BY deleted_at IS NULL DESC, deleted_at DESC LIMIT 1", new { name },
            cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>The live schedules (not deleted), by name.</summary>
    public async Task<IReadOnlyList<ScheduleRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM schedules WHERE deleted_at IS NULL ORDER BY name", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>
    /// Deletes (retires) a live schedule; its occurrences stay recorded. Refused while an instance of it is suspended
    /// between windows (only the schedule's next occurrence would take it up): Suspended names them, and nothing changed.
    /// Found is false when there is no live schedule of that name. The schedule's row is locked, so no occurrence fires
    /// an instance between the check and the delete (<see cref="ClaimAsync"/> locks it too).
    /// </summary>
    public async Task<(bool Found, IReadOnlyList<string> Suspended)> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM schedules WHERE name = @name AND deleted_at IS NULL FOR UPDATE", new { name }, transaction, cancellationToken: cancellationToken));
        if (id is null)
        {
            return (false, []);
        }

        var suspended = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name || ' (' || state || ')' FROM workflow_instances WHERE requested_by = @by AND state = 'suspended' ORDER BY created_at",
            new { by = "schedule/" + name }, transaction, cancellationToken: cancellationToken))).ToList();
        if (suspended.Count > 0)
        {
            return (true, suspended);
        }

        await connection.ExecuteAsync(new CommandDefinition("UPDATE schedules SET deleted_at = @now WHERE id = @id",
            new { id, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (true, []);
    }

    /// <summary>The latest recorded occurrence of a schedule; null before its first.</summary>
    public async Task<DateTimeOffset?> LastDueAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var last = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT max(due_at) FROM schedule_firings WHERE schedule_id = @scheduleId", new { scheduleId }, cancellationToken: cancellationToken));
        return last is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Utc)) : null;
    }

    /// <summary>Every recorded occurrence of a schedule, oldest first.</summary>
    public async Task<IReadOnlyList<FiringRecord>> FiringsAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<FiringRow>(new CommandDefinition(
            """
            SELECT schedule_id AS ScheduleId, due_at AS DueAt, outcome AS Outcome, reason AS Reason, instance_id AS InstanceId,
                   recorded_at AS RecordedAt, recorded_by AS RecordedBy
              FROM schedule_firings WHERE schedule_id = @scheduleId ORDER BY due_at
            """, new { scheduleId }, cancellationToken: cancellationToken));
        return rows.Select(r => new FiringRecord(r.ScheduleId, Utc(r.DueAt), r.Outcome, r.Reason, r.InstanceId, Utc(r.RecordedAt), r.RecordedBy)).ToList();
    }

    /// <summary>
    /// When the latest occurrence that fired the instance was recorded: for an instance that occurrence resumed, the
    /// moment it became pending again; null for an instance no schedule fired.
    /// </summary>
    public async Task<DateTimeOffset?> LastFiredAtAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var last = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT max(recorded_at) FROM schedule_firings WHERE instance_id = @instanceId", new { instanceId }, cancellationToken: cancellationToken));
        return last is { } l ? Utc(l) : null;
    }

    /// <summary>
    /// The window an instance runs in: the latest occurrence that fired it (its due time and the schedule's duration);
    /// null for an instance no schedule fired.
    /// </summary>
    public async Task<(DateTimeOffset Start, DateTimeOffset End)?> WindowOfAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<WindowRow>(new CommandDefinition(
            """
            SELECT f.due_at AS DueAt, s.duration_seconds AS DurationSeconds
              FROM schedule_firings f JOIN schedules s ON s.id = f.schedule_id
             WHERE f.instance_id = @instanceId
             ORDER BY f.due_at DESC LIMIT 1
            """, new { instanceId }, cancellationToken: cancellationToken));
        return row is null ? null : (Utc(row.DueAt), Utc(row.DueAt) + TimeSpan.FromSeconds(row.DurationSeconds));
    }

    /// <summary>
    /// Claims an occurrence and, when it fires, records its workflow instance in the same transaction: Claimed is true
    /// when this caller recorded it, false when another replica already had; Fired is the instance it fired. An instance
    /// of the schedule suspended at the end of an earlier window is resumed by the occurrence (back to pending, and the
    /// firing names it) instead of a new one being created with <paramref name="instanceId"/>. Either is journaled in the
    /// instance's journal with the firing (created, or suspended to pending). While an instance of the schedule is paused
    /// by an operator the occurrence is recorded skipped, naming it.
    /// </summary>
    public async Task<(bool Claimed, Guid? Fired)> ClaimAsync(ScheduleRecord schedule, DateTimeOffset due, string? skippedBecause, Guid instanceId, string instanceName,
        string holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var requestedBy = "schedule/" + schedule.Name;
        // The schedule's row, shared: a delete (which takes it for update) either comes first, and nothing fires, or
        // waits for this claim and then sees its instance.
        if (await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT 1 FROM schedules WHERE id = @id AND deleted_at IS NULL FOR SHARE", new { id = schedule.Id }, transaction,
                cancellationToken: cancellationToken)) is null)
        {
            return (false, null);
        }

        // An instance of this schedule an operator paused holds the schedule: its drain waits for the resume, and a new
        // instance would attach to the same drain and run it in this window regardless.
        if (skippedBecause is null && await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT name FROM workflow_instances WHERE requested_by = @by AND state = 'paused' AND finished_at IS NULL ORDER BY created_at LIMIT 1",
                new { by = requestedBy }, transaction, cancellationToken: cancellationToken)) is { } paused)
        {
            skippedBecause = $"instance {paused} of this schedule is paused by an operator: resume it (the next occurrence then takes it up) or cancel it";
        }

        // The occurrence's row first: a replica that loses the race waits on the key, then inserts nothing and stops.
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO schedule_firings (schedule_id, due_at, outcome, reason, instance_id, recorded_at, recorded_by)
            VALUES (@id, @due, @outcome, @skippedBecause, @instance, @now, @holder)
            ON CONFLICT (schedule_id, due_at) DO NOTHING
            """,
            new
            {
                id = schedule.Id,
                due,
                outcome = skippedBecause is null ? "fired" : "skipped",
                skippedBecause,
                instance = skippedBecause is null ? instanceId : (Guid?)null,
                now,
                holder
            },
            transaction, cancellationToken: cancellationToken)) == 1;
        if (!claimed)
        {
            return (false, null);
        }

        // The suspended instance, locked so that no other firing resumes it too.
        var suspended = skippedBecause is null
            ? await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                """
                SELECT id FROM workflow_instances
                 WHERE requested_by = @by AND state = 'suspended' ORDER BY created_at LIMIT 1 FOR UPDATE
                """, new { by = requestedBy }, transaction, cancellationToken: cancellationToken))
            : null;
        if (suspended is { } resumed)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE workflow_instances SET state = 'pending', waiting_for = NULL WHERE id = @resumed;
                UPDATE schedule_firings SET instance_id = @resumed WHERE schedule_id = @id AND due_at = @due;
                """, new { resumed, id = schedule.Id, due }, transaction, cancellationToken: cancellationToken));
            await Journal.AppendForWorkflowAsync(transaction, resumed,
                new WorkflowStateChanged("suspended", "pending", $"resumed by the occurrence due {due:O}"), requestedBy, cancellationToken);
        }
        else if (skippedBecause is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO workflow_instances (id, name, workflow, workflow_version, content_hash, definition, arguments, cluster, requested_by, created_at)
                VALUES (@instanceId, @instanceName, @Workflow, @WorkflowVersion, @ContentHash, @Definition, @ArgumentsJson::jsonb, @Cluster, @by, @now)
                """,
                new
                {
                    instanceId,
                    instanceName,
                    schedule.Workflow,
                    schedule.WorkflowVersion,
                    schedule.ContentHash,
                    schedule.Definition,
                    schedule.ArgumentsJson,
                    schedule.Cluster,
                    by = requestedBy,
                    now
                },
                transaction, cancellationToken: cancellationToken));
            await Journal.AppendForWorkflowAsync(transaction, instanceId,
                new WorkflowCreated(schedule.Workflow, schedule.WorkflowVersion, schedule.ContentHash, requestedBy), requestedBy, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (true, skippedBecause is not null ? null : suspended ?? instanceId);
    }

    private JournalStore Journal => new(dataSource, timeProvider);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record Row(Guid Id, string Name, string Cluster, string Workflow, int WorkflowVersion, string Definition, string ContentHash, string ArgumentsJson, string Cron,
        string TimeZone, double DurationSeconds, string ExclusionsJson, string MisfireAction, double MisfireGraceSeconds, string? CreatedBy, DateTime CreatedAt)
    {
        public ScheduleRecord ToRecord() => new(Id, Name, Cluster, Workflow, WorkflowVersion, Definition, ContentHash, ArgumentsJson, Cron, TimeZone, DurationSeconds,
            ExclusionsJson, MisfireAction, MisfireGraceSeconds, CreatedBy, Utc(CreatedAt));
    }

    private sealed record WindowRow(DateTime DueAt, double DurationSeconds);

    private sealed record FiringRow(Guid ScheduleId, DateTime DueAt, string Outcome, string? Reason, Guid? InstanceId, DateTime RecordedAt, string RecordedBy);
}
