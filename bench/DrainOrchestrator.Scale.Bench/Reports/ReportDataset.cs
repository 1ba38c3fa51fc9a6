using System.Globalization;
using System.Text.Json;
using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal.Events;
using Npgsql;
using NpgsqlTypes;

namespace DrainOrchestrator.Scale.Bench.Reports;

/// <summary>
/// A finished drain with a given number of migration attempts, written straight into the real schema with COPY: the
/// drain and its 500 nodes, waves of five, one attempt row per VMIM (5% of the VMs retried in post-copy after not
/// converging, 0.1% given up after three failures), and the journal the engine would have written: one
/// <c>plan.item</c> per VM (1% more skipped as not live-migratable), <c>attempt.intended</c> and the outcome per
/// attempt, <c>vmi.given_up</c> per VM given up.
/// </summary>
internal static class ReportDataset
{
    public const string DrainName = "scale-100k";

    private const int SourceNodes = 500;
    private const int WaveSize = 5;
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);

    public static async Task<ReportDatasetShape> LoadAsync(NpgsqlDataSource dataSource, int attempts, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var sources = Enumerable.Range(0, SourceNodes).Select(i => Node(i * 10)).ToList();
        await new DrainStore(dataSource, TimeProvider.System).CreateAsync(
            new NewDrain(id, DrainName, "bench", sources, "{}", "scale-bench"), cancellationToken);

        var rows = Rows(id, attempts);
        var vmis = rows.Count == 0 ? 0 : rows[^1].Vmi + 1;
        var waves = (vmis + WaveSize - 1) / WaveSize;
        var skipped = vmis / 100;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection,
            $"UPDATE drains SET state = 'succeeded', started_at = '{Sql(T0)}', finished_at = '{Sql(T0.AddSeconds(2.4 * attempts + 60))}', outcome_reason = 'every VM moved or accounted for' WHERE id = '{id}'",
            cancellationToken);
        await CopyWavesAsync(connection, id, waves, vmis, cancellationToken);
        await CopyAttemptsAsync(connection, rows, cancellationToken);
        var journal = await CopyJournalAsync(connection, id, rows, vmis, skipped, cancellationToken);
        await ExecuteAsync(connection, "ANALYZE", cancellationToken);
        return new ReportDatasetShape(DrainName, rows.Count, vmis, skipped, waves, journal);
    }

    // Each journal row goes through the ledger's hash-chain trigger (migration 0012): 100,000 attempts are about half a
    // million rows, far beyond Npgsql's default 30 s on a loaded machine.
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(30);

    // Journal rows per COPY (see CopyJournalAsync).
    private const int JournalChunk = 2000;

    private static List<AttemptRow> Rows(Guid drain, int total)
    {
        var rows = new List<AttemptRow>(total);
        for (var vmi = 0; rows.Count < total; vmi++)
        {
            var count = vmi % 1000 == 999 ? 3 : vmi % 20 == 0 ? 2 : 1;
            for (var attempt = 1; attempt <= count && rows.Count < total; attempt++)
            {
                var failed = count == 3 || attempt < count;
                rows.Add(new AttemptRow(drain, vmi, vmi / WaveSize + 1, attempt, failed, attempt == 2 && count == 2,
                    T0.AddSeconds(2.4 * rows.Count)));
            }
        }

        return rows;
    }

    private static async Task CopyWavesAsync(NpgsqlConnection connection, Guid drain, int waves, int vmis, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY waves (drain_id, wave_number, mode, planned_size, cluster_limit, planned_at, started_at, finished_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        copy.Timeout = CopyTimeout;
        for (var wave = 1; wave <= waves; wave++)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(drain, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(wave, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync("rolling", NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(Math.Min(WaveSize, vmis - ((wave - 1) * WaveSize)), NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(WaveSize, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(T0, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(T0.AddSeconds(12.0 * (wave - 1)), NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(T0.AddSeconds((12.0 * (wave - 1)) + 75), NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopyAttemptsAsync(NpgsqlConnection connection, List<AttemptRow> rows, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY migration_attempts (drain_id, wave_number, attempt, vmi_namespace, vmi_name, vmi_uid, source_node, target_node,
                vmim_name, vmim_uid, mode, outcome, failure_class, failure_reason, bytes_total, bytes_processed, phase_timestamps,
                post_copy, intended_at, created_at, started_at, finished_at, concluded_at) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        copy.Timeout = CopyTimeout;
        foreach (var row in rows)
        {
            var created = row.IntendedAt.AddMilliseconds(40);
            var started = created.AddSeconds(6.5);
            var finished = started.AddSeconds(row.Failed ? 180 : 55);
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(row.Drain, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(row.Wave, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.Attempt, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.Namespace, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.Name, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.Uid, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.Source, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.Target, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.VmimName, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.PostCopy ? "PostCopy" : "PreCopy", NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.Failed ? "failed" : "succeeded", NpgsqlDbType.Text, cancellationToken);
            await WriteOrNullAsync(copy, row.Failed ? nameof(FailureKind.DidNotConverge) : null, cancellationToken);
            await WriteOrNullAsync(copy, row.Failed ? "Live migration stuck: no progress for 150 s (remaining data did not shrink)" : null,
                cancellationToken);
            await copy.WriteAsync(8L << 30, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(row.Failed ? 21L << 30 : 9L << 30, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(PhaseJson(created, started, finished, row.Failed), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(row.PostCopy, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(row.IntendedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(started, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(finished, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(finished.AddMilliseconds(250), NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task<int> CopyJournalAsync(NpgsqlConnection connection, Guid drain, List<AttemptRow> rows, int vmis, int skipped,
        CancellationToken cancellationToken)
    {
        var events = new List<(DateTimeOffset At, JournalEvent Payload)>(vmis + skipped + (2 * rows.Count) + 1)
        {
            (T0, new PlanCreated((vmis + WaveSize - 1) / WaveSize, vmis + skipped, 0, 0, [])),
        };
        for (var vmi = 0; vmi < vmis + skipped; vmi++)
        {
            var migrate = vmi < vmis;
            events.Add((T0, new PlanItem(Uid(vmi), Namespace(vmi), Name(vmi), Source(vmi), migrate ? "Migrate" : "Skip",
                migrate ? (vmi / WaveSize) + 1 : 0, migrate ? "None" : "NotLiveMigratable",
                migrate ? null : "LiveMigratable is False: DisksNotLiveMigratable", 61.5, "PreCopy")));
        }

        foreach (var row in rows)
        {
            var vmi = row.Namespace + "/" + row.Name;
            events.Add((row.IntendedAt, new AttemptIntended(row.VmimName, vmi, row.Source, row.Attempt) { Target = row.Target }));
            var ended = AttemptObserved.Of(row.Failed ? AttemptOutcome.Failed : AttemptOutcome.Succeeded, row.VmimName);
            events.Add((row.IntendedAt.AddSeconds(62), ended with { Vmi = vmi, Mode = row.PostCopy ? "PostCopy" : "PreCopy" }));
            if (row.Failed && row.Attempt == 3)
            {
                events.Add((row.IntendedAt.AddSeconds(63), new VmiGivenUp(row.Uid, row.Namespace, row.Name, row.Source, 3,
                    "gave up after 3 attempts; the last did not converge (Live migration stuck)")));
            }
        }

        // One COPY (one transaction) per chunk: the ledger's trigger updates the drain's journal head once per row, and
        // within one transaction each update walks every version of that row made before it (quadratic in the rows).
        foreach (var chunk in events.Chunk(JournalChunk))
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY event_journal (drain_id, occurred_at, kind, actor, lease_epoch, payload) FROM STDIN (FORMAT BINARY)", cancellationToken);
            copy.Timeout = CopyTimeout;
            foreach (var (at, payload) in chunk)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(drain, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(payload.Kind, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync("scale-bench/1", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(JournalCatalogue.Serialize(payload), NpgsqlDbType.Jsonb, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        return events.Count;
    }

    private static async Task WriteOrNullAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = (int)CopyTimeout.TotalSeconds;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string PhaseJson(DateTimeOffset created, DateTimeOffset started, DateTimeOffset finished, bool failed) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Pending"] = Iso(created),
            ["Scheduling"] = Iso(created.AddMilliseconds(300)),
            ["Scheduled"] = Iso(created.AddSeconds(2)),
            ["PreparingTarget"] = Iso(created.AddSeconds(3)),
            ["TargetReady"] = Iso(started.AddMilliseconds(-500)),
            ["Running"] = Iso(started),
            [failed ? "Failed" : "Succeeded"] = Iso(finished),
        });

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Sql(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string Node(int index) => "worker-" + index.ToString("D5", CultureInfo.InvariantCulture);

    private static string Source(int vmi) => Node(vmi % SourceNodes * 10);

    private static string Namespace(int vmi) => "tenant-" + (vmi % 40).ToString("D2", CultureInfo.InvariantCulture);

    private static string Name(int vmi) => "vm-" + vmi.ToString("D6", CultureInfo.InvariantCulture);

    private static string Uid(int vmi) => new Guid(vmi, 0x5ca1, 0x4e4c, 1, 2, 3, 4, 5, 6, 7, 8).ToString();

    private sealed record AttemptRow(Guid Drain, int Vmi, int Wave, int Attempt, bool Failed, bool PostCopy, DateTimeOffset IntendedAt)
    {
        public string Namespace => ReportDataset.Namespace(Vmi);

        public string Name => ReportDataset.Name(Vmi);

        public string Uid => ReportDataset.Uid(Vmi);

        public string Source => ReportDataset.Source(Vmi);

        // Any node outside the drained ones (those are multiples of ten), different per attempt.
        public string Target => Node((Vmi * 7) + (Attempt * 3) + 1) is var n && n != Source ? n : Node(1);

        public string VmimName => MigrationNaming.VmimName(Drain.ToString(), Uid, Attempt);
    }
}
