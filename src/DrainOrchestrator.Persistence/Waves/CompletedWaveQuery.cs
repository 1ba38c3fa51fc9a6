using Dapper;
using Npgsql;

namespace DrainOrchestrator.Persistence.Waves;

/// <summary>The waves that finished in a period: what a period report (change management's "all waves of November") covers.</summary>
public sealed class CompletedWaveQuery(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Every wave whose finish time lies in [<paramref name="from"/>, <paramref name="to"/>), of drains on
    /// <paramref name="cluster"/> (every cluster when null), by drain (oldest first) and wave number. Half-open, so
    /// consecutive periods cover every wave exactly once.
    /// </summary>
    public async Task<IReadOnlyList<CompletedWave>> ListAsync(DateTimeOffset from, DateTimeOffset to, string? cluster,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid DrainId, int WaveNumber, DateTime FinishedAt)>(new CommandDefinition(
            """
            SELECT w.drain_id, w.wave_number, w.finished_at
              FROM waves w JOIN drains d ON d.id = w.drain_id
             WHERE w.finished_at >= @from AND w.finished_at < @to AND (@cluster::text IS NULL OR d.cluster = @cluster)
             ORDER BY d.created_at, d.id, w.wave_number
            """,
            new { from = from.UtcDateTime, to = to.UtcDateTime, cluster },
            cancellationToken: cancellationToken));
        return rows.Select(r => new CompletedWave(r.DrainId, r.WaveNumber, new DateTimeOffset(DateTime.SpecifyKind(r.FinishedAt, DateTimeKind.Utc)))).ToList();
    }
}
