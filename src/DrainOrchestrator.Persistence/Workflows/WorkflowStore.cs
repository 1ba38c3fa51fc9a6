using Dapper;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using Npgsql;

namespace DrainOrchestrator.Persistence.Workflows;

/// <summary>
/// Workflow instances, their step runs and approvals. Step rows make a run repeatable. Every change of state, step or
/// approval is journaled (the workflow journal: <see cref="JournalStore.ReadWorkflowAsync"/>) in the transaction that
/// makes it, as <paramref name="actor"/>.
/// </summary>
public sealed partial class WorkflowStore(NpgsqlDataSource dataSource, TimeProvider timeProvider, string actor = "workflow")
{
    private const string Columns =
        """
        id AS Id, name AS Name, workflow AS Workflow, workflow_version AS WorkflowVersion, content_hash AS ContentHash,
        definition AS Definition, arguments::text AS ArgumentsJson, cluster AS Cluster, state AS State, waiting_for AS WaitingFor,
        requested_by AS RequestedBy, created_at AS CreatedAt, started_at AS StartedAt, finished_at AS FinishedAt,
        outcome_reason AS OutcomeReason
        """;

    /// <summary>The database written to.</summary>
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>Records a new pending instance (and journals <see cref="WorkflowCreated"/> with it).</summary>
    public async Task<WorkflowInstanceRecord> CreateAsync(Guid id, string name, string workflow, int version, string hash, string definition,
        string argumentsJson, string cluster, string? requestedBy, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async transaction =>
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO workflow_instances (id, name, workflow, workflow_version, content_hash, definition, arguments, cluster, requested_by, created_at)
                VALUES (@id, @name, @workflow, @version, @hash, @definition, @argumentsJson::jsonb, @cluster, @requestedBy, @now)
                """,
                new { id, name, workflow, version, hash, definition, argumentsJson, cluster, requestedBy, now = timeProvider.GetUtcNow() },
                transaction, cancellationToken: cancellationToken));
            await Journal.AppendForWorkflowAsync(transaction, id, new WorkflowCreated(workflow, version, hash, requestedBy), requestedBy ?? actor,
                cancellationToken);
        }, cancellationToken);
        return (await FindAsync(id.ToString("D"), cancellationToken))!;
    }

    /// <summary>An instance by id or name; null when there is none.</summary>
    public async Task<WorkflowInstanceRecord?> FindAsync(string idOrName, CancellationToken cancellationToken)
    {
        var byId = Guid.TryParse(idOrName, out var id);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM workflow_instances WHERE {(byId ? "id = @id" : "name = @idOrName")}", new { id, idOrName },
            cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>Instances, newest first; only unfinished ones when <paramref name="activeOnly"/>.</summary>
    public async Task<IReadOnlyList<WorkflowInstanceRecord>> ListAsync(bool activeOnly, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM workflow_instances {(activeOnly ? "WHERE finished_at IS NULL" : string.Empty)} ORDER BY created_at DESC LIMIT @limit",
            new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>
    /// Sets the state (and what it waits for, and the outcome when final); started_at on the first run. A change of state
    /// or of what it waits for is journaled (<see cref="WorkflowStateChanged"/>). The runner's own moves (running,
    /// waiting, suspended) leave an operator's pause as it is: a pause sent while a step ran, or as a window ended, is
    /// not overwritten (the runner holds at its next look; a suspended instance stays paused until resumed). Returns
    /// whether the state was written.
    /// </summary>
    public async Task<bool> SetStateAsync(Guid id, string state, string? waitingFor, string? outcome, CancellationToken cancellationToken) =>
        await ChangeStateAsync(id, state, waitingFor, outcome, SetStateSql, actor, cancellationToken);

    /// <summary>
    /// Asks a pause, resume or cancel (journaled as <paramref name="by"/>): the runner reads the state between and during
    /// steps. False when the instance ended.
    /// </summary>
    public async Task<bool> SignalAsync(Guid id, string to, string reason, string by, CancellationToken cancellationToken) =>
        await ChangeStateAsync(id, to, reason, to == "cancelled" ? reason : null,
            """
            UPDATE workflow_instances SET state = @state, waiting_for = @waitingFor,
                   finished_at = CASE WHEN @state = 'cancelled' THEN @now ELSE NULL END,
                   outcome_reason = CASE WHEN @state = 'cancelled' THEN @outcome ELSE outcome_reason END
             WHERE id = @id AND finished_at IS NULL
            """, by, cancellationToken);

    /// <summary>Journals <paramref name="journalEvent"/> in the instance's journal, on its own.</summary>
    public Task JournalAsync(Guid id, JournalEvent journalEvent, CancellationToken cancellationToken) =>
        InTransactionAsync(t => Journal.AppendForWorkflowAsync(t, id, journalEvent, actor, cancellationToken), cancellationToken);

    /// <summary>The state as recorded now.</summary>
    public async Task<string?> ReadStateAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT state FROM workflow_instances WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    private const string SetStateSql =
        """
        UPDATE workflow_instances
           SET state = @state, waiting_for = @waitingFor, outcome_reason = coalesce(@outcome, outcome_reason),
               started_at = coalesce(started_at, @now),
               finished_at = CASE WHEN @state IN ('succeeded', 'failed', 'cancelled') THEN @now ELSE NULL END
         WHERE id = @id AND finished_at IS NULL
           AND NOT (state = 'paused' AND @state IN ('running', 'waiting', 'suspended'))
        """;

    private JournalStore Journal => new(dataSource, timeProvider);

    // The update and its event in one transaction; the row is locked first so the state before is the one replaced.
    private async Task<bool> ChangeStateAsync(Guid id, string state, string? waitingFor, string? outcome, string update, string by,
        CancellationToken cancellationToken)
    {
        var changed = false;
        await InTransactionAsync(async transaction =>
            changed = await ChangeStateAsync(transaction, id, state, waitingFor, outcome, update, by, cancellationToken), cancellationToken);
        return changed;
    }

    private async Task<bool> ChangeStateAsync(NpgsqlTransaction transaction, Guid id, string state, string? waitingFor, string? outcome, string update,
        string by, CancellationToken cancellationToken)
    {
        var before = await transaction.Connection!.QuerySingleOrDefaultAsync<(string State, string? WaitingFor)>(new CommandDefinition(
            "SELECT state, waiting_for FROM workflow_instances WHERE id = @id AND finished_at IS NULL FOR UPDATE", new { id }, transaction,
            cancellationToken: cancellationToken));
        var changed = await transaction.Connection!.ExecuteAsync(new CommandDefinition(update,
            new { id, state, waitingFor, outcome, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken)) == 1;
        if (changed && (before.State != state || before.WaitingFor != waitingFor))
        {
            await Journal.AppendForWorkflowAsync(transaction, id, new WorkflowStateChanged(before.State, state, waitingFor ?? outcome), by,
                cancellationToken);
        }

        return changed;
    }

    private async Task InTransactionAsync(Func<NpgsqlTransaction, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await work(transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record Row(Guid Id, string Name, string Workflow, int WorkflowVersion, string ContentHash, string Definition, string ArgumentsJson,
        string Cluster, string State, string? WaitingFor, string? RequestedBy, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt,
        string? OutcomeReason)
    {
        public WorkflowInstanceRecord ToRecord() => new(Id, Name, Workflow, WorkflowVersion, ContentHash, Definition, ArgumentsJson, Cluster, State,
            WaitingFor, RequestedBy, Utc(CreatedAt), Utc(StartedAt), Utc(FinishedAt), OutcomeReason);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
