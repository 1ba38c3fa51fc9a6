using Dapper;
using Npgsql;

namespace DrainOrchestrator.Persistence.Drains;

public sealed partial class DrainStore
{
    private const string DrainColumns =
        """
        id AS Id, name AS Name, cluster AS Cluster, state AS State, policy::text AS PolicyJson, requested_by AS RequestedBy,
        created_at AS CreatedAt, started_at AS StartedAt, finished_at AS FinishedAt, outcome_reason AS OutcomeReason, version AS Version,
        avoid_targets AS AvoidTargets, prefer_targets AS PreferTargets, returns_drain AS ReturnsDrain,
        (SELECT l.expires_at > now() FROM leases l WHERE l.name = 'drain/' || drains.id::text) AS Owned
        """;

    /// <summary>A drain by id or by name; null when there is none.</summary>
    public async Task<DrainRecord?> FindAsync(string idOrName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrName);
        var byId = Guid.TryParse(idOrName, out var id);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DrainRow>(new CommandDefinition(
            $"SELECT {DrainColumns} FROM drains WHERE {(byId ? "id = @id" : "name = @idOrName")}",
            new { id, idOrName },
            cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var nodes = await ReadNodesAsync(connection, [row.Id], cancellationToken);
        return row.ToRecord(nodes[row.Id]);
    }

    /// <summary>The drain created with this idempotency key; null when there is none.</summary>
    public async Task<DrainRecord?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DrainRow>(new CommandDefinition(
            $"SELECT {DrainColumns} FROM drains WHERE idempotency_key = @key", new { key }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var nodes = await ReadNodesAsync(connection, [row.Id], cancellationToken);
        return row.ToRecord(nodes[row.Id]);
    }

    /// <summary>
    /// One page of drains, newest first: those in <paramref name="states"/> (all when null), of <paramref name="node"/>
    /// (all when null), created before the drain <paramref name="after"/> (the previous page's last), at most
    /// <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<DrainRecord>> ListPageAsync(IReadOnlyCollection<DrainState>? states, string? node, Guid? after, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DrainRow>(new CommandDefinition(
            $"""
            SELECT {DrainColumns} FROM drains
             WHERE (@anyState OR state = ANY(@states))
               AND (@node::text IS NULL OR EXISTS (SELECT 1 FROM drain_nodes n WHERE n.drain_id = drains.id AND n.node_name = @node))
               AND (@after::uuid IS NULL OR (created_at, id) < (SELECT a.created_at, a.id FROM drains a WHERE a.id = @after))
             ORDER BY created_at DESC, id DESC
             LIMIT @limit
            """,
            new { anyState = states is null, states = (states ?? []).Select(s => s.ToDatabase()).ToArray(), node, after, limit },
            cancellationToken: cancellationToken));
        var nodes = await ReadNodesAsync(connection, rows.Select(r => r.Id).ToArray(), cancellationToken);
        return rows.Select(r => r.ToRecord(nodes[r.Id])).ToList();
    }

    /// <summary>Every drain, newest first; only the unfinished ones when <paramref name="activeOnly"/>.</summary>
    public async Task<IReadOnlyList<DrainRecord>> ListAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DrainRow>(new CommandDefinition(
            $"SELECT {DrainColumns} FROM drains {(activeOnly ? "WHERE finished_at IS NULL" : string.Empty)} ORDER BY created_at DESC, name",
            cancellationToken: cancellationToken));
        var nodes = await ReadNodesAsync(connection, rows.Select(r => r.Id).ToArray(), cancellationToken);
        return rows.Select(r => r.ToRecord(nodes[r.Id])).ToList();
    }

    private static async Task<ILookup<Guid, DrainNodeRecord>> ReadNodesAsync(NpgsqlConnection connection, Guid[] drainIds,
        CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<DrainNodeRow>(new CommandDefinition(
            """
            SELECT drain_id AS DrainId, node_name AS NodeName, state AS State, was_unschedulable AS WasUnschedulable,
                   vmis_total AS VmisTotal, vmis_migrated AS VmisMigrated, vmis_skipped AS VmisSkipped,
                   vmis_failed AS VmisFailed, released_at AS ReleasedAt, last_error AS LastError
              FROM drain_nodes WHERE drain_id = ANY(@drainIds) ORDER BY drain_id, node_name
            """,
            new { drainIds },
            cancellationToken: cancellationToken));
        return rows.ToLookup(n => n.DrainId, n => n.ToRecord());
    }

    private sealed record DrainRow(Guid Id, string Name, string Cluster, string State, string PolicyJson, string? RequestedBy,
        DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, string? OutcomeReason, long Version, Array AvoidTargets, Array PreferTargets,
        Guid? ReturnsDrain, bool? Owned)
    {
        // Npgsql reports a text[] column as System.Array, and Dapper matches constructors by that type: the values are string[].
        public DrainRecord ToRecord(IEnumerable<DrainNodeRecord> nodes) => new(Id, Name, Cluster, DrainStates.Parse(State), PolicyJson,
            RequestedBy, Utc(CreatedAt), UtcOrNull(StartedAt), UtcOrNull(FinishedAt), OutcomeReason, Version, nodes.ToList(), Owned ?? false)
        {
            // The shared empty list when empty, so two reads of a plain drain compare equal as records.
            AvoidTargets = Strings(AvoidTargets),
            PreferTargets = Strings(PreferTargets),
            ReturnsDrain = ReturnsDrain,
        };
    }

    private sealed record DrainNodeRow(Guid DrainId, string NodeName, string State, bool? WasUnschedulable, int? VmisTotal,
        int VmisMigrated, int VmisSkipped, int VmisFailed, DateTime? ReleasedAt, string? LastError)
    {
        public DrainNodeRecord ToRecord() => new(NodeName, DrainNodeStates.Parse(State), WasUnschedulable, VmisTotal, VmisMigrated,
            VmisSkipped, VmisFailed, UtcOrNull(ReleasedAt), LastError);
    }

    private static IReadOnlyList<string> Strings(Array values) => values.Length == 0 ? [] : (string[])values;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? UtcOrNull(DateTime? value) => value is { } v ? Utc(v) : null;
}
