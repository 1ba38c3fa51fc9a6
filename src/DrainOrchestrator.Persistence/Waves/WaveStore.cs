using Dapper;
using DrainOrchestrator.Persistence.Fencing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Waves;

/// <summary>The planned waves of a drain and when each started and finished.</summary>
public sealed class WaveStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>Records planned waves; waves already recorded (a plan step repeated after a crash) are kept as they are.</summary>
    public async Task RecordPlanAsync(NpgsqlTransaction transaction, Guid drainId, string mode, int clusterLimit,
        IReadOnlyList<PlannedWaveRow> waves, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(waves);
        foreach (var wave in waves)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO waves (drain_id, wave_number, mode, planned_size, cluster_limit, planned_at)
                VALUES (@drainId, @WaveNumber, @mode, @PlannedSize, @clusterLimit, @now)
                ON CONFLICT (drain_id, wave_number) DO NOTHING
                """,
                new { drainId, wave.WaveNumber, mode, wave.PlannedSize, clusterLimit, now = timeProvider.GetUtcNow() },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    /// <summary>Sets the wave's start time unless it has one, and clears its finish time: an attempt starts in it.</summary>
    public async Task MarkStartedAsync(NpgsqlTransaction transaction, Guid drainId, int waveNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            // A later attempt in a wave (a retry, or a rolling slot filled late) reopens it: its end is its last attempt's.
            "UPDATE waves SET started_at = COALESCE(started_at, @now), finished_at = NULL WHERE drain_id = @drainId AND wave_number = @waveNumber",
            new { drainId, waveNumber, now = timeProvider.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Sets the finish time of every started wave none of whose attempts is still unfinished.</summary>
    public async Task MarkFinishedWhereDoneAsync(NpgsqlTransaction transaction, Guid drainId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE waves w SET finished_at = (
                   SELECT COALESCE(max(a.concluded_at), @now) FROM migration_attempts a
                    WHERE a.drain_id = w.drain_id AND a.wave_number = w.wave_number)
             WHERE w.drain_id = @drainId AND w.started_at IS NOT NULL AND w.finished_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM migration_attempts a
                                WHERE a.drain_id = w.drain_id AND a.wave_number = w.wave_number
                                  AND a.outcome IN ('intended', 'created', 'running'))
            """,
            new { drainId, now = timeProvider.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>As <see cref="MarkStartedAsync"/>, as a part of a fenced statement.</summary>
    public static FencedChange StartChange(Guid drainId, int waveNumber, DateTimeOffset now) => new(
        """
        UPDATE waves SET started_at = COALESCE(started_at, @wave_start_now), finished_at = NULL
         WHERE drain_id = @wave_start_drain AND wave_number = @wave_start_number AND {fence}
        """,
        "wave_start_",
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["wave_start_drain"] = drainId,
            ["wave_start_number"] = waveNumber,
            ["wave_start_now"] = now,
        });

    /// <summary>
    /// As <see cref="MarkFinishedWhereDoneAsync"/>, as a part of the fenced statement that ends the attempts
    /// <paramref name="ending"/> (at <paramref name="now"/>): the statement's other parts are invisible to it, so those
    /// attempts count as ended here.
    /// </summary>
    public static FencedChange FinishChange(Guid drainId, IReadOnlyCollection<string> ending, DateTimeOffset now) => new(
        """
        UPDATE waves w SET finished_at = GREATEST(@wave_end_now, (
               SELECT max(a.concluded_at) FROM migration_attempts a
                WHERE a.drain_id = w.drain_id AND a.wave_number = w.wave_number AND a.vmim_name <> ALL(@wave_end_names)))
         WHERE w.drain_id = @wave_end_drain AND w.started_at IS NOT NULL AND w.finished_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM migration_attempts a
                            WHERE a.drain_id = w.drain_id AND a.wave_number = w.wave_number
                              AND a.outcome IN ('intended', 'created', 'running') AND a.vmim_name <> ALL(@wave_end_names))
           AND {fence}
        """,
        "wave_end_",
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["wave_end_drain"] = drainId,
            ["wave_end_names"] = ending.ToArray(),
            ["wave_end_now"] = now,
        });

    /// <summary>Every wave of a drain, in order.</summary>
    public async Task<IReadOnlyList<WaveRecord>> ListAsync(Guid drainId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(int WaveNumber, string Mode, int PlannedSize, int ClusterLimit, DateTime PlannedAt, DateTime? StartedAt, DateTime? FinishedAt)>(
            new CommandDefinition(
                """
                SELECT wave_number, mode, planned_size, cluster_limit, planned_at, started_at, finished_at
                  FROM waves WHERE drain_id = @drainId ORDER BY wave_number
                """,
                new { drainId },
                cancellationToken: cancellationToken));
        return rows.Select(r => new WaveRecord(r.WaveNumber, r.Mode, r.PlannedSize, r.ClusterLimit, Utc(r.PlannedAt),
            r.StartedAt is { } s ? Utc(s) : null, r.FinishedAt is { } f ? Utc(f) : null)).ToList();
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
