using System.Diagnostics;
using System.Text;
using DrainOrchestrator.Cli;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Waves;
using DrainOrchestrator.Scale.Bench.Measuring;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrainOrchestrator.Scale.Bench.Reports;

/// <summary>
/// Report generation for a drain of many migrations: the data is loaded once into a private database with the real
/// schema (migrations-sql, applied by the production migrator), then the reader and drainctl's own
/// <c>report</c> command are timed in each format.
/// </summary>
internal static class ReportBenchmark
{
    public static readonly string[] Formats = ["table", "json", "csv", "html"];

    public static async Task<ReportResult> RunAsync(int attempts, int runs, TextWriter log, CancellationToken cancellationToken)
    {
        await using var postgres = await BenchPostgres.StartAsync(cancellationToken);
        await using var database = await DrainDatabase.OpenAsync(new DatabaseOptions { ConnectionString = postgres.ConnectionString },
            TimeProvider.System, NullLoggerFactory.Instance, cancellationToken);
        var loading = Stopwatch.StartNew();
        var data = await ReportDataset.LoadAsync(database.DataSource, attempts, cancellationToken);
        var loadSeconds = loading.Elapsed.TotalSeconds;
        log.WriteLine($"  loaded {data.Attempts} attempts of {data.Vmis} VMs in {data.Waves} waves, {data.JournalEntries} journal entries in {loadSeconds:0.0} s");

        var drain = (await new DrainStore(database.DataSource, TimeProvider.System).FindAsync(data.Drain, cancellationToken))!;
        var reads = new List<double>();
        long readAllocated = 0;
        for (var run = 0; run <= runs; run++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var start = Stopwatch.GetTimestamp();
            var report = await DrainReportReader.ReadAsync(database.DataSource, drain, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            readAllocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (report.Attempts.Count != data.Attempts)
            {
                throw new InvalidOperationException($"the report read {report.Attempts.Count} attempts, expected {data.Attempts}");
            }

            // The first run warms the connection pool and the JIT; it is not counted.
            if (run > 0)
            {
                reads.Add(elapsed);
            }
        }

        var read = Samples.Of(reads);
        var parts = await ReadPartsAsync(database, drain, runs, cancellationToken);
        log.WriteLine($"  read: median {read.Median:0} ms, {readAllocated / 1048576.0:0} MiB allocated; "
            + string.Join(", ", parts.Select(p => $"{p.Part} {p.Milliseconds.Median:0} ms")));
        var formats = new List<ReportFormatResult>();
        foreach (var format in Formats)
        {
            formats.Add(await RunFormatAsync(postgres.ConnectionString, data.Drain, format, runs, read.Median, cancellationToken));
            log.WriteLine($"  drainctl report --format {format}: median {formats[^1].Milliseconds.Median:0} ms, {formats[^1].OutputBytes / 1048576.0:0.0} MiB of output, "
                + $"peak working set {formats[^1].PeakWorkingSetMegabytes:0} MiB (+{formats[^1].PeakRiseMegabytes:0} MiB during the run), peak managed heap {formats[^1].PeakHeapMegabytes:0} MiB; "
                + $"as its own process {formats[^1].ProcessMilliseconds:0} ms, peak resident set {formats[^1].ProcessPeakResidentMegabytes:0} MiB");
        }

        return new ReportResult(postgres.Describe(), data, loadSeconds, read, readAllocated / 1048576.0, parts, formats, MachineLoad.Now());
    }

    // The reader's queries one by one, as it makes them: where the read's time goes.
    private static async Task<IReadOnlyList<ReportReadPart>> ReadPartsAsync(
        DrainDatabase database, DrainRecord drain, int runs, CancellationToken cancellationToken)
    {
        var source = database.DataSource;
        var queries = new (string Part, Func<Task<int>> Query)[]
        {
            ("waves", async () => (await new WaveStore(source, TimeProvider.System).ListAsync(drain.Id, cancellationToken)).Count),
            ("attempts", async () => (await new AttemptStore(source, TimeProvider.System).ListAsync(drain.Id, cancellationToken)).Count),
            ("journal: plan items not migrated", async () => (await new JournalStore(source, TimeProvider.System)
                .ReadWhereAsync<PlanItem>(drain.Id, PlanItem.DispositionField, ["Skip", "Block"], cancellationToken)).Count),
            ("journal: VMs given up", async () => (await new JournalStore(source, TimeProvider.System).ReadAsync<VmiGivenUp>(drain.Id, cancellationToken)).Count),
        };
        var parts = new List<ReportReadPart>();
        foreach (var (part, query) in queries)
        {
            var times = new List<double>();
            var rows = 0;
            for (var run = 0; run < runs; run++)
            {
                var start = Stopwatch.GetTimestamp();
                rows = await query();
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            parts.Add(new ReportReadPart(part, rows, Samples.Of(times)));
        }

        return parts;
    }

    private static async Task<ReportFormatResult> RunFormatAsync(
        string connectionString, string drain, string format, int runs, double readMedian, CancellationToken cancellationToken)
    {
        var database = WithoutPassword(connectionString);
        var times = new List<double>();
        long allocated = 0;
        long bytes = 0;
        long peakWorkingSet = 0;
        long peakRise = 0;
        long peakHeap = 0;
        var exit = 0;
        for (var run = 0; run <= runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sink = new CountingStream();
            await using var stream = new StreamWriter(sink, new UTF8Encoding(false)) { AutoFlush = true };
            await using var output = TextWriter.Synchronized(stream);
            await using var error = new StringWriter();
            var memory = PeakMemory.Start();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var start = Stopwatch.GetTimestamp();
            exit = await DrainctlApplication.RunAsync(["report", drain, "--format", format, "--db", database], output, error);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            await memory.DisposeAsync();
            (peakWorkingSet, peakRise, peakHeap) = (Math.Max(peakWorkingSet, memory.PeakWorkingSet),
                Math.Max(peakRise, memory.PeakWorkingSet - memory.BaselineWorkingSet), Math.Max(peakHeap, memory.PeakHeap));
            bytes = sink.Bytes;
            if (exit != 0)
            {
                throw new InvalidOperationException($"drainctl report --format {format} exited {exit}: {error}");
            }

            if (run > 0)
            {
                times.Add(elapsed);
            }
        }

        var samples = Samples.Of(times);
        var (processMilliseconds, processPeak, _) = await ReportProcessRun.RunAsync(database, drain, format, cancellationToken);
        return new ReportFormatResult(format, samples, samples.Median - readMedian, allocated / 1048576.0, bytes, exit)
        {
            ProcessMilliseconds = processMilliseconds,
            ProcessPeakResidentMegabytes = processPeak / 1048576.0,
            PeakWorkingSetMegabytes = peakWorkingSet / 1048576.0,
            PeakRiseMegabytes = peakRise / 1048576.0,
            PeakHeapMegabytes = peakHeap / 1048576.0,
        };
    }

    // drainctl warns about a password in --db: it goes in DRAIN_DB_PASSWORD, as an operator should pass it (this process's
    // environment, which the separate drainctl inherits too).
    private static string WithoutPassword(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Password is { Length: > 0 } password)
        {
            Environment.SetEnvironmentVariable("DRAIN_DB_PASSWORD", password);
            builder.Password = null;
        }

        return builder.ConnectionString;
    }
}
