using System.Globalization;
using DrainOrchestrator.Bench.Harness.Processes;
using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Orchestration.Bench.ClusterTime;
using DrainOrchestrator.Orchestration.Bench.Results;
using DrainOrchestrator.Orchestration.Bench.Runs;

namespace DrainOrchestrator.Orchestration.Bench;

/// <summary>Starts PostgreSQL, runs the drains one after another, analyses them and writes the results.</summary>
internal static class BenchApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var programs = Programs.Locate();
        var options = BenchOptions.Parse(args, programs.Root, out var exitCode);
        if (options is null)
        {
            return exitCode;
        }

        VirtualTimeCase? clusterTimeCase = null;
        if (options.ClusterTimeCase is { } caseId)
        {
            try
            {
                clusterTimeCase = VirtualTimeCase.Read(options.VirtualTimeResults, caseId, options.ClusterTimeLimits);
                clusterTimeCase = clusterTimeCase with { Source = Path.GetRelativePath(programs.Root, clusterTimeCase.Source) };
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException or IOException)
            {
                await Console.Error.WriteLineAsync("error: " + ex.Message);
                return 2;
            }

            options = options with
            {
                Nodes = clusterTimeCase.Nodes,
                MaxParallel = clusterTimeCase.PerCluster,
                MaxOutbound = clusterTimeCase.PerNode,
                Scenario = Path.Combine(programs.Root, "bench", "scenarios", clusterTimeCase.File),
            };
        }

        var materials = new List<RunMaterial>();
        string? work = null;
        if (options.AnalyzeDirectory is { } analyze)
        {
            materials.AddRange(Directory.GetDirectories(analyze, "run-*").Order(StringComparer.Ordinal).Select(RunMaterial.Load));
            if (materials.Count == 0)
            {
                await Console.Error.WriteLineAsync($"error: no run-* folders in {analyze}");
                return 2;
            }

            options = options with { Speed = materials[0].Facts.Speed };
        }
        else
        {
            work = options.KeepDirectory ?? Path.Combine(Path.GetTempPath(), "drain-orchestration-bench", Guid.NewGuid().ToString("N")[..12]);
            if (clusterTimeCase is not null)
            {
                // The scenario as the scheduling bench loaded it for the case: its limits, and the hints when informed.
                options = options with { Scenario = CaseScenario.Write(clusterTimeCase, Path.Combine(programs.Root, "bench", "scenarios"), work) };
            }

            await using var database = await BenchDatabase.StartAsync(Path.Combine(work, "db"), CancellationToken.None);
            if (!database.StatementsTracked)
            {
                Console.WriteLine("    pg_stat_statements is not installed: counting transactions only");
            }

            for (var run = 1; run <= options.Runs; run++)
            {
                var directory = Path.Combine(work, "run-" + run.ToString(CultureInfo.InvariantCulture));
                Console.WriteLine(F($"==> run {run} of {options.Runs}: drain {string.Join(", ", options.Nodes)} at speed {options.Speed} (load {string.Join(' ', ProcStat.LoadAverage())})"));
                var material = await DrainRun.RunAsync(run, options, programs, database, directory, CancellationToken.None);
                materials.Add(material);
                Print(RunResult.From(material));
            }
        }

        var results = materials.Select(RunResult.From).ToList();
        var report = new BenchReport(options, options.Scenario, results, TimeProvider.System.GetUtcNow());
        var output = options.OutputDirectory;
        Directory.CreateDirectory(output);
        if (clusterTimeCase is not null)
        {
            var comparison = new ClusterTimeReport(clusterTimeCase, options.Speed, results, report.WrittenAt);
            await File.WriteAllTextAsync(Path.Combine(output, "cluster-time.json"), comparison.RenderJson());
            await File.WriteAllTextAsync(Path.Combine(output, "cluster-time.md"), comparison.RenderMarkdown());
            Console.WriteLine(F($"case {clusterTimeCase}: makespan {comparison.MedianMakespanSeconds:0.0} s end to end at speed {options.Speed} (median of {results.Count}), {clusterTimeCase.MakespanSeconds:0.0} s in virtual time: ratio {comparison.MedianRatio:0.000}, worst {comparison.WorstRatio:0.000} (target at most {ClusterTimeReport.TargetRatio:0.00}: {(comparison.MeetsTarget ? "met" : "missed")})"));
            Console.WriteLine(F($"results in {Path.Combine(output, "cluster-time")}.json and .md"));
            return await FinishAsync(report, work, options);
        }

        var prefix = options.Quick ? "orchestration-quick" : "orchestration";
        await File.WriteAllTextAsync(Path.Combine(output, prefix + ".json"), JsonReport.Render(report) + "\n");
        await File.WriteAllTextAsync(Path.Combine(output, prefix + ".md"), MarkdownReport.Render(report));
        Console.WriteLine(F($"refill latency p50 {report.MedianP50:0.0} ms, p99 {report.MedianP99:0.0} ms (median of {report.Runs.Count} runs; target p99 < {BenchReport.TargetP99Milliseconds:0} ms: {(report.MeetsTarget ? "met" : "missed")})"));
        Console.WriteLine(F($"results in {Path.Combine(output, prefix)}.json and .md"));
        return await FinishAsync(report, work, options);
    }

    // Deletes the temporary material and checks what must always hold: a drain that failed threw before; limits
    // exceeded or guests lost are what must never happen.
    private static async Task<int> FinishAsync(BenchReport report, string? work, BenchOptions options)
    {
        if (work is null || options.KeepDirectory is not null)
        {
            Console.WriteLine(F($"run material in {work ?? options.AnalyzeDirectory}"));
        }

        if (work is not null && options.KeepDirectory is null)
        {
            TryDelete(work);
        }

        var broken = report.Runs.Where(r => r.LimitViolations > 0 || r.VmiLosses > 0).ToList();
        foreach (var run in broken)
        {
            await Console.Error.WriteLineAsync(F($"check failed: run {run.Run}: {run.LimitViolations} limit violations, {run.VmiLosses} guests lost"));
        }

        return broken.Count == 0 ? 0 : 1;
    }

    private static void Print(RunResult r) => Console.WriteLine(F(
        $"    {r.DrainSeconds:0.0} s, {r.Migrations} migrations; refill p50 {r.Refill.Latency.P50:0.0} ms p99 {r.Refill.Latency.P99:0.0} ms ({r.Refill.Refills} refills, {r.Refill.LeftEmpty} slots left empty on purpose); {r.ApiRequestsPerMigration:0.00} API requests, {r.StatementsPerMigration:0.0} statements, {r.TransactionsPerMigration:0.0} transactions per migration; CPU {r.CpuSeconds:0.00} s, peak {r.PeakResidentBytes / 1048576.0:0} MiB; load after {string.Join(' ', r.LoadAfter)}"));

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: it is a temporary folder.
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
