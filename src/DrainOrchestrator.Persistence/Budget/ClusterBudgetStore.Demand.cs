using Dapper;

namespace DrainOrchestrator.Persistence.Budget;

/// <summary>Demands: what each drain wants of the budget, refreshed while it migrates; and the other drains' nodes.</summary>
public sealed partial class ClusterBudgetStore
{
    /// <summary>Records (or refreshes) the drain's demand, stamped with the store's clock.</summary>
    public async Task PublishDemandAsync(BudgetDemand demand, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentOutOfRangeException.ThrowIfNegative(demand.Wanted);
        ArgumentOutOfRangeException.ThrowIfNegative(demand.ForeignInFlight);
        ArgumentOutOfRangeException.ThrowIfLessThan(demand.ClusterLimit, 1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO cluster_budget_demands AS b (drain_id, cluster, wanted, foreign_in_flight, cluster_limit, refreshed_at)
            VALUES (@DrainId, @Cluster, @Wanted, @ForeignInFlight, @ClusterLimit, @now)
            ON CONFLICT (drain_id) DO UPDATE
               SET wanted = EXCLUDED.wanted, foreign_in_flight = EXCLUDED.foreign_in_flight,
                   cluster_limit = EXCLUDED.cluster_limit, refreshed_at = EXCLUDED.refreshed_at
            """,
            new { demand.DrainId, demand.Cluster, demand.Wanted, demand.ForeignInFlight, demand.ClusterLimit, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Removes the drain's demand (its migrations are over); it holds slots only while its attempts are unfinished.</summary>
    public async Task WithdrawDemandAsync(Guid drainId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM cluster_budget_demands WHERE drain_id = @drainId", new { drainId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The nodes the other unfinished drains of <paramref name="cluster"/> hold: never migration targets, or a VM would
    /// move twice. Served by the partial unique index of active drain nodes.
    /// </summary>
    public async Task<IReadOnlySet<string>> ReadOtherDrainNodesAsync(string cluster, Guid drainId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var nodes = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT node_name FROM drain_nodes WHERE cluster = @cluster AND released_at IS NULL AND drain_id <> @drainId",
            new { cluster, drainId }, cancellationToken: cancellationToken));
        return nodes.ToHashSet(StringComparer.Ordinal);
    }
}
