using Dapper;

namespace DrainOrchestrator.Persistence.Drains;

public sealed partial class DrainStore
{
    /// <summary>The move-backs that return <paramref name="drainId"/>'s VMs (<see cref="DrainRecord.ReturnsDrain"/>), oldest first.</summary>
    public async Task<IReadOnlyList<DrainRecord>> MoveBacksOfAsync(Guid drainId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DrainRow>(new CommandDefinition(
            $"SELECT {DrainColumns} FROM drains WHERE returns_drain = @drainId ORDER BY created_at, name",
            new { drainId }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var nodes = await ReadNodesAsync(connection, [.. rows.Select(r => r.Id)], cancellationToken);
        return [.. rows.Select(r => r.ToRecord(nodes[r.Id]))];
    }
}
