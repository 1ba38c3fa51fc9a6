using System.Text.Json.Nodes;
using Dapper;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Persistence.Workflows;

public sealed partial class WorkflowStore
{
    /// <summary>
    /// The drains (and move-backs) step <paramref name="key"/> started since it last started (its first start, or its
    /// reopening after a failure the operator resumed), in order: what a run after a crash, or in the next window, goes on
    /// with instead of starting them again.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowDrainStarted>> DrainsOfStepRunAsync(Guid id, string key, CancellationToken cancellationToken)
    {
        var started = (await Journal.ReadWorkflowEntriesAsync<WorkflowStepStarted>(id, cancellationToken))
            .LastOrDefault(e => ((WorkflowStepStarted)e.ReadEvent()).Step == key)?.Seq ?? 0;
        return (await Journal.ReadWorkflowEntriesAsync<WorkflowDrainStarted>(id, cancellationToken))
            .Where(e => e.Seq > started)
            .Select(e => (WorkflowDrainStarted)e.ReadEvent())
            .Where(d => d.Step == key)
            .ToList();
    }

    /// <summary>Every step run of an instance, in the order they started.</summary>
    public async Task<IReadOnlyList<WorkflowStepRecord>> StepsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StepRow>(new CommandDefinition(
            """
            SELECT step_key AS StepKey, kind AS Kind, state AS State, started_at AS StartedAt, finished_at AS FinishedAt, detail::text AS DetailJson
              FROM workflow_steps WHERE instance_id = @id ORDER BY started_at, step_key
            """, new { id }, cancellationToken: cancellationToken));
        return rows.Select(r => new WorkflowStepRecord(r.StepKey, r.Kind, r.State, Utc(r.StartedAt), Utc(r.FinishedAt), r.DetailJson)).ToList();
    }

    /// <summary>
    /// Records that a step started (kept as it is when it already did: a repeat after a crash resumes it), journaling
    /// <see cref="WorkflowStepStarted"/> in the same transaction the first time.
    /// </summary>
    public async Task<WorkflowStepRecord> BeginStepAsync(Guid id, string key, string kind, string detailJson, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async transaction =>
        {
            var inserted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO workflow_steps (instance_id, step_key, kind, state, started_at, detail)
                VALUES (@id, @key, @kind, 'running', @now, @detailJson::jsonb)
                ON CONFLICT (instance_id, step_key) DO NOTHING
                """, new { id, key, kind, detailJson, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
            if (inserted == 1)
            {
                await Journal.AppendForWorkflowAsync(transaction, id, new WorkflowStepStarted(key, kind), actor, cancellationToken);
            }
        }, cancellationToken);
        return (await StepsAsync(id, cancellationToken)).Single(s => s.StepKey == key);
    }

    /// <summary>Ends a step: succeeded, failed or skipped, with its detail (its <c>reason</c> goes into the journal's event too).</summary>
    public async Task EndStepAsync(Guid id, string key, string state, string detailJson, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async transaction =>
        {
            var kind = await transaction.Connection!.ExecuteScalarAsync<string?>(new CommandDefinition(
                """
                UPDATE workflow_steps SET state = @state, finished_at = @now, detail = @detailJson::jsonb
                 WHERE instance_id = @id AND step_key = @key
                RETURNING kind
                """, new { id, key, state, detailJson, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
            if (kind is not null)
            {
                var reason = JsonNode.Parse(detailJson)?["reason"] is JsonValue r && r.TryGetValue<string>(out var text) ? text : null;
                await Journal.AppendForWorkflowAsync(transaction, id, WorkflowStepEnded.Of(state, key, kind, reason), actor, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Records what a running step knows so far (a forEachBatch's batches, formed once and kept).</summary>
    public async Task SetStepDetailAsync(Guid id, string key, string detailJson, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE workflow_steps SET detail = @detailJson::jsonb WHERE instance_id = @id AND step_key = @key",
            new { id, key, detailJson }, cancellationToken: cancellationToken));
    }

    /// <summary>Reopens a failed step for another try (after an operator resumed a paused instance), journaled as its start again.</summary>
    public async Task ReopenStepAsync(Guid id, string key, CancellationToken cancellationToken)
    {
        await InTransactionAsync(async transaction =>
        {
            var kind = await transaction.Connection!.ExecuteScalarAsync<string?>(new CommandDefinition(
                "UPDATE workflow_steps SET state = 'running', finished_at = NULL WHERE instance_id = @id AND step_key = @key RETURNING kind",
                new { id, key }, transaction, cancellationToken: cancellationToken));
            if (kind is not null)
            {
                await Journal.AppendForWorkflowAsync(transaction, id, new WorkflowStepStarted(key, kind), actor, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Approves an approval step (journaling <see cref="WorkflowApprovalGranted"/> with it); false when it was approved already.</summary>
    public async Task<bool> ApproveAsync(Guid id, string key, string by, CancellationToken cancellationToken)
    {
        var approved = false;
        await InTransactionAsync(async transaction =>
        {
            approved = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO workflow_approvals (instance_id, step_key, approved_by, approved_at) VALUES (@id, @key, @by, @now)
                ON CONFLICT DO NOTHING
                """, new { id, key, by, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken)) == 1;
            if (approved)
            {
                await Journal.AppendForWorkflowAsync(transaction, id, new WorkflowApprovalGranted(key, by), by, cancellationToken);
            }
        }, cancellationToken);
        return approved;
    }

    /// <summary>Who approved the step, or null while nobody has.</summary>
    public async Task<string?> ApprovedByAsync(Guid id, string key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT approved_by FROM workflow_approvals WHERE instance_id = @id AND step_key = @key", new { id, key },
            cancellationToken: cancellationToken));
    }

    private sealed record StepRow(string StepKey, string Kind, string State, DateTime StartedAt, DateTime? FinishedAt, string DetailJson);
}
