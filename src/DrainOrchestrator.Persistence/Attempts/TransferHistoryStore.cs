using Npgsql;

namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>
/// The succeeded live migrations of a cluster that a new plan learns from: those of the VMIs it moves and those out of
/// the nodes it drains, newest first, at most <see cref="Limit"/> of each kind. Both look-ups are indexed
/// (<c>migration_attempts_by_vmi</c>, <c>migration_attempts_finished_by_source</c>).
/// </summary>
public sealed class TransferHistoryStore(NpgsqlDataSource dataSource)
{
    /// <summary>How many transfers of each kind a plan reads at most: recent ones say most about the cluster as it is.</summary>
    public const int Limit = 5000;

    private const string Columns = """
        a.vmi_uid, a.source_node, a.started_at, a.finished_at, a.bytes_processed,
        (a.post_copy OR coalesce(a.mode, '') = 'PostCopy') AS post_copy, a.created_at
        """;

    private const string Finished = """
        a.kind = 'migration' AND a.outcome = 'succeeded' AND a.started_at IS NOT NULL AND a.finished_at IS NOT NULL
        AND a.finished_at > a.started_at
        """;

    /// <summary>The succeeded transfers on <paramref name="cluster"/> of <paramref name="vmiUids"/> and out of <paramref name="nodes"/>.</summary>
    public async Task<IReadOnlyList<FinishedTransfer>> ListAsync(string cluster, IReadOnlyCollection<string> vmiUids,
        IReadOnlyCollection<string> nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(vmiUids);
        ArgumentNullException.ThrowIfNull(nodes);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            (SELECT {Columns} FROM migration_attempts a JOIN drains d ON d.id = a.drain_id
              WHERE a.vmi_uid = ANY(@uids) AND d.cluster = @cluster AND {Finished}
              ORDER BY a.finished_at DESC LIMIT @limit)
            UNION
            (SELECT {Columns} FROM migration_attempts a JOIN drains d ON d.id = a.drain_id
              WHERE a.source_node = ANY(@nodes) AND d.cluster = @cluster AND {Finished}
              ORDER BY a.finished_at DESC LIMIT @limit)
            """, connection);
        command.Parameters.AddWithValue("uids", vmiUids.ToArray());
        command.Parameters.AddWithValue("nodes", nodes.ToArray());
        command.Parameters.AddWithValue("cluster", cluster);
        command.Parameters.AddWithValue("limit", Limit);
        var transfers = new List<FinishedTransfer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            transfers.Add(new FinishedTransfer(reader.GetString(0), reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.GetBoolean(5))
            {
                CreatedAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            });
        }

        return transfers;
    }
}
