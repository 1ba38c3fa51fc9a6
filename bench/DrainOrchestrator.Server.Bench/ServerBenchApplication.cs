using System.Globalization;
using DrainOrchestrator.Bench.Harness.Processes;
using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Server.Bench.Phases;
using DrainOrchestrator.Server.Bench.Results;
using DrainOrchestrator.Server.Bench.Serving;

namespace DrainOrchestrator.Server.Bench;

/// <summary>Starts PostgreSQL, runs the phases one after another (each on its own server, database and simulator), writes the results.</summary>
internal static class ServerBenchApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var programs = Programs.Locate();
        var options = ServerBenchOptions.Parse(args, programs.Root, out var exitCode);
        if (options is null)
        {
            return exitCode;
        }

        var commit = await SourceCommit.DescribeAsync(programs.Root);
        var work = options.KeepDirectory ?? Path.Combine(Path.GetTempPath(), "drain-server-bench", Guid.NewGuid().ToString("N")[..12]);
        var cancellationToken = CancellationToken.None;
        ApiPhaseResult? api = null;
        SsePhaseResult? sse = null;
        var refill = new List<RefillRun>();
        await using (var database = await BenchDatabase.StartAsync(Path.Combine(work, "db"), cancellationToken))
        {
            if (!database.StatementsTracked)
            {
                Console.WriteLine("    pg_stat_statements is not installed: statements are not counted");
            }

            var context = new BenchContext(options, programs, database, await ApiTokens.CreateAsync(programs.Drainctl, work), work);
            if (options.Runs("api"))
            {
                Console.WriteLine(F($"==> API latency: {options.Clients} clients polling every {options.PollInterval.TotalMilliseconds:0} ms while {options.Drains.Count} drains run (load {Load()})"));
                api = await ApiLatencyPhase.RunAsync(context, cancellationToken);
                Console.WriteLine(F($"    p50 {api.All.P50:0.0} ms, p95 {api.All.P95:0.0} ms, p99 {api.All.P99:0.0} ms, max {api.All.Max:0.0} ms; {api.RequestsPerSecond:0.0} requests/s over {api.Window.Seconds:0.0} s, {api.Errors} errors; server {api.Window.ServerCores * 100:0}% of a core (load after {Load()})"));
            }

            if (options.Runs("sse"))
            {
                Console.WriteLine(F($"==> SSE fan-out: {options.Subscribers} subscribers while {options.Drains.Count} drains run (load {Load()})"));
                sse = await SseFanOutPhase.RunAsync(context, cancellationToken);
                Console.WriteLine(F($"    {sse.SubscribersExact} of {sse.Subscribers} subscribers got all {sse.Events} events exactly once in order; lag p50 {sse.Lag.P50:0.0} ms, p99 {sse.Lag.P99:0.0} ms, max {sse.Lag.Max:0.0} ms; server {sse.Window.ServerCores * 100:0}% of a core; {sse.FeedPolls:0} feed polls in {sse.Window.Seconds:0} s (load after {Load()})"));
            }

            if (options.Runs("refill"))
            {
                for (var run = 1; run <= options.RefillRuns; run++)
                {
                    Console.WriteLine(F($"==> slot refill in server mode, run {run} of {options.RefillRuns}: drain {string.Join(", ", options.RefillNodes)} (load {Load()})"));
                    refill.Add(Print(await RefillPhase.ServerAsync(context, run, cancellationToken)));
                    if (options.PairDrainctl)
                    {
                        Console.WriteLine(F($"==> the same drain by drainctl drain, run {run} of {options.RefillRuns} (load {Load()})"));
                        refill.Add(Print(await RefillPhase.DrainctlAsync(context, run, cancellationToken)));
                    }
                }
            }
        }

        var report = new ServerReport(options, commit, TimeProvider.System.GetUtcNow(), api, sse, refill);
        Directory.CreateDirectory(options.OutputDirectory);
        var prefix = options.Smoke ? "server-smoke" : "server";
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, prefix + ".json"), JsonReport.Render(report) + "\n");
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, prefix + ".md"), MarkdownReport.Render(report));
        if (report.ServerRuns.Count > 0)
        {
            Console.WriteLine(F($"slot refill in server mode: p50 {report.RefillMedianP50:0.0} ms, p99 {report.RefillMedianP99:0.0} ms (median of {report.ServerRuns.Count}; target p99 < {ServerReport.RefillTargetP99Milliseconds:0} ms: {(report.RefillMeetsTarget ? "met" : "missed")})")
                + (report.DrainctlRuns.Count > 0 ? F($"; drainctl drain in the same minutes: p50 {report.DrainctlMedianP50:0.0} ms, p99 {report.DrainctlMedianP99:0.0} ms") : ""));
        }

        if (api is not null)
        {
            Console.WriteLine(F($"API p99 {api.All.P99:0.0} ms (target < {ApiPhaseResult.TargetP99Milliseconds:0} ms without errors: {(api.MeetsTarget ? "met" : "missed")})"));
        }

        Console.WriteLine(F($"results in {Path.Combine(options.OutputDirectory, prefix)}.json and .md") + (options.KeepDirectory is null ? string.Empty : F($"; logs in {work}")));
        if (options.KeepDirectory is null)
        {
            TryDelete(work);
        }

        // Targets are reported, not enforced; a drain that did not succeed, a limit exceeded, a guest lost or an event
        // not delivered exactly once is what must never happen.
        var broken = report.Broken().ToList();
        foreach (var problem in broken)
        {
            await Console.Error.WriteLineAsync("check failed: " + problem);
        }

        return broken.Count == 0 ? 0 : 1;
    }

    private static RefillRun Print(RefillRun r)
    {
        var l = r.Refill.Latency;
        Console.WriteLine(F($"    {r.DrainSeconds:0.0} s, {r.State}, {r.Migrations} migrations; refill p50 {l.P50:0.0} ms, p99 {l.P99:0.0} ms ({r.Refill.Refills} refills, {r.Refill.LeftEmpty} left empty on purpose, {r.Refill.Unobserved} not in the log); CPU {r.Window.ServerCpuSeconds:0.0} s (load after {Load()})"));
        return r;
    }

    private static string Load() => string.Join(' ', ProcStat.LoadAverage().Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)));

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
