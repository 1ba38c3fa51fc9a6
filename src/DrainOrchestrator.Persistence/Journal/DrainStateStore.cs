using System.Text.Json;
using Dapper;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Fencing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Journal;

/// <summary>
/// State changes of a drain (the workflow instance) and of its nodes. The engine calls these inside fenced
/// transactions; signals come from operators and only ever move a drain that is not finished.
/// </summary>
public sealed class DrainStateStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>Moves an unfinished drain to <paramref name="state"/>, setting the start or finish time as needed.
    /// Returns false when the drain was already finished (or is unknown), or was not in <paramref name="onlyFrom"/> when
    /// that is given: the engine's own moves (pending to running, suspended to running) give it, so that an operator's
    /// signal committed between the engine's read and its write (a cancel, a pause) is not overwritten.</summary>
    public async Task<bool> SetStateAsync(NpgsqlTransaction transaction, Guid drainId, DrainState state, string? outcomeReason,
        CancellationToken cancellationToken, DrainState? onlyFrom = null)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var final = state.IsFinal();
        var changed = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE drains
               SET state = @state,
                   started_at = COALESCE(started_at, CASE WHEN @state <> 'pending' THEN @now END),
                   finished_at = CASE WHEN @final THEN @now END,
                   outcome_reason = COALESCE(@outcomeReason, outcome_reason),
                   version = version + 1
             WHERE id = @drainId AND finished_at IS NULL AND (@onlyFrom::text IS NULL OR state = @onlyFrom)
            """,
            new { drainId, state = state.ToDatabase(), outcomeReason, final, now = timeProvider.GetUtcNow(), onlyFrom = onlyFrom?.ToDatabase() },
            transaction,
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>The drain's current state, read inside <paramref name="transaction"/> (locking the row when asked).</summary>
    public static async Task<DrainState?> ReadStateAsync(NpgsqlTransaction transaction, Guid drainId, bool forUpdate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return Parse(await transaction.Connection!.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            $"SELECT state FROM drains WHERE id = @drainId {(forUpdate ? "FOR UPDATE" : string.Empty)}",
            new { drainId },
            transaction,
            cancellationToken: cancellationToken)));
    }

    /// <summary>The drain's current state; null when there is no such drain.</summary>
    public async Task<DrainState?> ReadStateAsync(Guid drainId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return Parse(await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT state FROM drains WHERE id = @drainId", new { drainId }, cancellationToken: cancellationToken)));
    }

    /// <summary>Records a node's state; <paramref name="wasUnschedulable"/>, once recorded, is never overwritten. With
    /// <paramref name="onlyFrom"/> the node moves only from that state: a later run's lock (the Leases taken again) must
    /// not take a cordoned node back to locked, which would tell the finish that the drain never cordoned it.</summary>
    public static async Task SetNodeStateAsync(NpgsqlTransaction transaction, Guid drainId, string node, DrainNodeState state,
        bool? wasUnschedulable, string? lastError, CancellationToken cancellationToken, DrainNodeState? onlyFrom = null)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE drain_nodes
               SET state = @state,
                   was_unschedulable = COALESCE(was_unschedulable, @wasUnschedulable),
                   last_error = COALESCE(@lastError, last_error)
             WHERE drain_id = @drainId AND node_name = @node AND (@onlyFrom::text IS NULL OR state = @onlyFrom)
            """,
            new { drainId, node, state = state.ToDatabase(), wasUnschedulable, lastError, onlyFrom = onlyFrom?.ToDatabase() },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Records the per-node counts shown by status and progress.</summary>
    public static async Task SetNodeCountsAsync(NpgsqlTransaction transaction, Guid drainId, string node, int total,
        int migrated, int skipped, int failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE drain_nodes SET vmis_total = @total, vmis_migrated = @migrated, vmis_skipped = @skipped, vmis_failed = @failed
             WHERE drain_id = @drainId AND node_name = @node
            """,
            new { drainId, node, total, migrated, skipped, failed },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>As <see cref="SetNodeCountsAsync"/> for several nodes, as a part of a fenced statement.</summary>
    public static FencedChange NodeCountsChange(Guid drainId, IReadOnlyList<NodeCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new FencedChange(
            """
            UPDATE drain_nodes n SET vmis_total = c.total, vmis_migrated = c.migrated, vmis_skipped = c.skipped, vmis_failed = c.failed
              FROM jsonb_to_recordset(@nodes_rows::jsonb) AS c(node text, total int, migrated int, skipped int, failed int)
             WHERE n.drain_id = @nodes_drain AND n.node_name = c.node AND {fence}
            """,
            "nodes_",
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["nodes_drain"] = drainId,
                ["nodes_rows"] = JsonSerializer.Serialize(counts, NodeCounts.Json),
            });
    }

    /// <summary>Releases every node of the drain, so other drains may take them.</summary>
    public async Task ReleaseNodesAsync(NpgsqlTransaction transaction, Guid drainId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE drain_nodes SET released_at = @now, state = 'released' WHERE drain_id = @drainId AND released_at IS NULL",
            new { drainId, now = timeProvider.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
    }

    private static DrainState? Parse(string? word) => word is null ? null : DrainStates.Parse(word);
}
