using Dapper;
using Npgsql;

namespace DrainOrchestrator.Persistence.Drains;

/// <summary>Records drains and their nodes. The database's partial unique index keeps a node in one active drain.</summary>
public sealed partial class DrainStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string ActiveNodeIndex = "drain_nodes_one_active_drain_per_node";
    private const string IdempotencyIndex = "drains_idempotency_key_unique";

    /// <summary>
    /// Records a new pending drain with its nodes in one transaction. Throws
    /// <see cref="NodesAlreadyDrainingException"/> listing every node that belongs to another active drain.
    /// </summary>
    public async Task<DrainRecord> CreateAsync(NewDrain drain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drain);
        Validate(drain);
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var conflicts = await FindConflictsAsync(connection, transaction, drain.Cluster, drain.Nodes, cancellationToken);
        if (conflicts.Count > 0)
        {
            throw new NodesAlreadyDrainingException(conflicts);
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO drains (id, name, cluster, state, policy, requested_by, created_at, idempotency_key, avoid_targets, prefer_targets, returns_drain)
                VALUES (@Id, @Name, @Cluster, 'pending', @PolicyJson::jsonb, @RequestedBy, @now, @IdempotencyKey, @Avoid, @Prefer, @ReturnsDrain)
                """,
                new
                {
                    drain.Id,
                    drain.Name,
                    drain.Cluster,
                    drain.PolicyJson,
                    drain.RequestedBy,
                    now,
                    drain.IdempotencyKey,
                    Avoid = drain.AvoidTargets.ToArray(),
                    Prefer = drain.PreferTargets.ToArray(),
                    drain.ReturnsDrain,
                },
                transaction,
                cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO drain_nodes (drain_id, cluster, node_name, added_at)
                SELECT @Id, @Cluster, node, @now FROM unnest(@Nodes) AS node
                """,
                new { drain.Id, drain.Cluster, Nodes = drain.Nodes.ToArray(), now },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == IdempotencyIndex)
        {
            // The same request, retried at the same moment: the other one recorded the drain.
            await transaction.RollbackAsync(CancellationToken.None);
            return (await FindByIdempotencyKeyAsync(drain.IdempotencyKey!, cancellationToken))!;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == ActiveNodeIndex)
        {
            // Another process recorded a drain for one of these nodes between our check and our insert.
            await transaction.RollbackAsync(CancellationToken.None);
            await using var again = await dataSource.OpenConnectionAsync(cancellationToken);
            throw new NodesAlreadyDrainingException(
                await FindConflictsAsync(again, null, drain.Cluster, drain.Nodes, cancellationToken), ex);
        }

        return (await FindAsync(drain.Id.ToString(), cancellationToken))!;
    }

    private static void Validate(NewDrain drain)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(drain.Name))
        {
            problems.Add("the drain needs a name");
        }

        if (string.IsNullOrWhiteSpace(drain.Cluster))
        {
            problems.Add("the drain needs a cluster");
        }

        if (drain.Nodes.Count == 0)
        {
            problems.Add("the drain needs at least one node");
        }

        var duplicates = drain.Nodes.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            problems.Add($"nodes named more than once: {string.Join(", ", duplicates)}");
        }

        if (drain.Nodes.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("a node name is empty");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid drain: " + string.Join("; ", problems) + ".", nameof(drain));
        }
    }

    private static async Task<IReadOnlyList<NodeConflict>> FindConflictsAsync(NpgsqlConnection connection,
        NpgsqlTransaction? transaction, string cluster, IReadOnlyList<string> nodes, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string NodeName, string DrainName, Guid DrainId, string DrainState)>(
            new CommandDefinition(
                """
                SELECT n.node_name, d.name, d.id, d.state
                  FROM drain_nodes n JOIN drains d ON d.id = n.drain_id
                 WHERE n.cluster = @cluster AND n.released_at IS NULL AND n.node_name = ANY(@nodes)
                 ORDER BY n.node_name
                """,
                new { cluster, nodes = nodes.ToArray() },
                transaction,
                cancellationToken: cancellationToken));
        return rows.Select(r => new NodeConflict(r.NodeName, r.DrainName, r.DrainId, DrainStates.Parse(r.DrainState))).ToList();
    }
}
