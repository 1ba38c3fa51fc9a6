using Npgsql;

namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>Row mapping of the attempts table, read column by column off the wire.</summary>
public sealed partial class AttemptStore
{
    // In this order: Read maps them by ordinal. A report's read leaves out the VMIM's uid and its phase timestamps.
    private const string Columns =
        """
        id, drain_id, COALESCE(wave_number, 0), attempt, vmi_namespace, vmi_name, vmi_uid, source_node, target_node, vmim_name,
        vmim_uid, mode, outcome, failure_class, failure_reason, bytes_total, bytes_processed, phase_timestamps::text, post_copy,
        intended_at, created_at, started_at, finished_at, concluded_at, kind, target_address, migration_network, on_migration_network
        """;

    private static readonly string ReportColumns = Columns.Replace("vmim_uid,", "NULL::text,", StringComparison.Ordinal)
        .Replace("phase_timestamps::text,", "'{}'::text,", StringComparison.Ordinal);

    // A drain's attempts share a few namespaces, nodes, modes and failure texts: each distinct value is held once (a
    // report of 100,000 attempts would otherwise hold 100,000 copies of each).
    private static AttemptRecord Read(NpgsqlDataReader row, StringPool shared) => new(
        row.GetInt64(0), row.GetGuid(1), row.GetInt32(2), row.GetInt32(3), shared.Of(row.GetString(4)), row.GetString(5),
        row.GetString(6), shared.Of(row.GetString(7)), shared.OfNullable(row, 8), row.GetString(9),
        row.IsDBNull(10) ? null : row.GetString(10), shared.OfNullable(row, 11), AttemptOutcomes.Parse(row.GetString(12)),
        shared.OfNullable(row, 13), shared.OfNullable(row, 14), LongOrNull(row, 15), LongOrNull(row, 16), row.GetString(17),
        row.GetBoolean(18), Utc(row.GetDateTime(19)), UtcOrNull(row, 20), UtcOrNull(row, 21), UtcOrNull(row, 22),
        UtcOrNull(row, 23), AttemptKinds.Parse(row.GetString(24)))
    {
        Network = row.IsDBNull(25) && row.IsDBNull(26) ? null
            : new AttemptNetwork(shared.OfNullable(row, 25), shared.OfNullable(row, 26), row.IsDBNull(27) ? null : row.GetBoolean(27)),
    };

    private static long? LongOrNull(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetInt64(ordinal);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? UtcOrNull(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : Utc(row.GetDateTime(ordinal));

    private sealed class StringPool
    {
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public string Of(string value)
        {
            if (_values.TryGetValue(value, out var held))
            {
                return held;
            }

            _values[value] = value;
            return value;
        }

        public string? OfNullable(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : Of(row.GetString(ordinal));
    }
}
