using Npgsql;

namespace DrainOrchestrator.Server.Bench.Serving;

/// <summary>The journal as the server wrote it, read straight from its database: what every subscriber must have received.</summary>
internal static class JournalReader
{
    /// <summary>Every event after <paramref name="afterSeq"/>, in sequence order.</summary>
    public static async Task<IReadOnlyList<JournalEvent>> ReadAsync(string connectionString, long afterSeq, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT seq, drain_id, occurred_at, kind FROM event_journal WHERE seq > $1 ORDER BY seq", connection);
        command.Parameters.AddWithValue(afterSeq);
        var events = new List<JournalEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new JournalEvent(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetGuid(1),
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        }

        return events;
    }

    /// <summary>The journal's last sequence number (0 when it is empty).</summary>
    public static async Task<long> LastSeqAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT coalesce(max(seq), 0) FROM event_journal", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>One journal event: its sequence number (the events' <c>id</c>), drain, time and kind.</summary>
internal sealed record JournalEvent(long Seq, Guid? DrainId, DateTimeOffset OccurredAt, string Kind);
