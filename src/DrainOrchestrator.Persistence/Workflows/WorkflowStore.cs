using Dapper;
using Npgsql;

namespace DrainOrchestrator.Persistence.Workflows;

/// <summary>Workflow instances, their step runs and approvals. Writes are single statements; step rows make a run repeatable.</summary>
public sealed partial class WorkflowStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
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

    /// <summary>Records a new pending instance.</summary>
    public async Task<WorkflowInstanceRecord> CreateAsync(Guid id, string name, string workflow, int version, string hash, string definition,
        string argumentsJson, string cluster, string? requestedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO workflow_instances (id, name, workflow, workflow_version, content_hash, definition, arguments, cluster, requested_by, created_at)
            VALUES (@id, @name, @workflow, @version, @hash, @definition, @argumentsJson::jsonb, @cluster, @requestedBy, @now)
            """,
            new { id, name, workflow, version, hash, definition, argumentsJson, cluster, requestedBy, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
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

    /// <summary>Sets the state (and what it waits for, and the outcome when final); started_at on the first run.</summary>
    public async Task SetStateAsync(Guid id, string state, string? waitingFor, string? outcome, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE workflow_instances
               SET state = @state, waiting_for = @waitingFor, outcome_reason = coalesce(@outcome, outcome_reason),
                   started_at = coalesce(started_at, @now),
                   finished_at = CASE WHEN @state IN ('succeeded', 'failed', 'cancelled') THEN @now ELSE NULL END
             WHERE id = @id AND finished_at IS NULL
            """,
            new { id, state, waitingFor, outcome, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>Asks a pause, resume or cancel: the runner reads the state between and during steps. False when the instance ended.</summary>
    public async Task<bool> SignalAsync(Guid id, string to, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE workflow_instances SET state = @to, waiting_for = @reason,
                   finished_at = CASE WHEN @to = 'cancelled' THEN @now ELSE NULL END,
                   outcome_reason = CASE WHEN @to = 'cancelled' THEN @reason ELSE outcome_reason END
             WHERE id = @id AND finished_at IS NULL
            """,
            new { id, to, reason, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The state as recorded now.</summary>
    public async Task<string?> ReadStateAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT state FROM workflow_instances WHERE id = @id", new { id }, cancellationToken: cancellationToken));
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
