using System.Globalization;
using System.Text;
using DrainOrchestrator.Bench.Harness.Analysis;

namespace DrainOrchestrator.Orchestration.Bench.Results;

/// <summary><c>orchestration.md</c>: the headline, every run, the latency decomposed, the definitions, how to reproduce.</summary>
internal static class MarkdownReport
{
    public const string RefillDefinition =
        "A migration completes at the time the simulator's ground truth gives its Succeeded or Failed phase. The engine pass "
        + "that first recorded that outcome (log event 3021 between the pass markers 3050 and 3051 of `drainctl drain -v`) "
        + "either created VMIMs or did not. If it did, the completion counts as a refill and its latency is the creation time "
        + "at the simulator (the VMIM's createdAt in the ground truth) of a VMIM created by that pass, minus the completion "
        + "time; several completions seen by one pass are paired in time order with that pass's creations. Completions "
        + "whose pass created nothing (or fewer VMIMs than it saw completions) are not refills: the scheduler left the slot "
        + "empty on purpose (Core's NicTimeline starts a source's next migration just in time for its NIC, a per-node limit "
        + "is still full, or nothing is left to start). Model time is divided by the simulator's speed.";

    public const string IdleGapDefinition =
        "For every completion after which another VMIM was created: the time to the next creation of any VMIM, from the "
        + "ground truth alone. It includes the scheduler's deliberate delays, so it is context, not the target.";

    public const string ApiDefinition =
        "Every Kubernetes API request the simulator served (its request counters, zeroed just before drainctl started and "
        + "read after it exited: lists, watches, cordon patches, node Leases, VMIM creates...) divided by the VMIMs created.";

    public const string StatementsDefinition =
        "pg_stat_statements (preloaded in the bench's private PostgreSQL, reset just before drainctl started; the schema was "
        + "applied beforehand by `drainctl db migrate`): every call in the run's database, BEGIN, COMMIT and Npgsql's "
        + "DISCARD ALL on pooled connections included, divided by the VMIMs created. Transactions are pg_stat_database's "
        + "xact_commit + xact_rollback for that database over the same interval (every single statement outside an "
        + "explicit transaction is one).";

    public const string ProcessDefinition =
        "CPU time: the drainctl process's user + system time from getrusage(RUSAGE_CHILDREN) around its run (exact, start-up "
        + "and exit included; the bench reaps no other child meanwhile). Peak memory: VmHWM (peak resident set) from "
        + "/proc/PID/status, sampled every 50 ms while it ran.";

    public static string Render(BenchReport report)
    {
        var o = report.Options;
        var md = new StringBuilder();
        md.AppendLine("# Orchestration in real time over HTTPS").AppendLine();
        md.AppendLine(F($"Written by `bench/DrainOrchestrator.Orchestration.Bench` (`scripts/bench.sh{(o.Quick ? " --quick" : "")}`, {(o.Quick ? "reduced" : "full")} run) on {report.WrittenAt:yyyy-MM-dd HH:mm} UTC:"))
            .AppendLine(F($"`drainctl drain -v` (the engine), a private PostgreSQL and `drain-sim` as three processes over HTTPS and TCP, {report.Runs.Count} drain(s) of"))
            .AppendLine(F($"{string.Join(", ", o.Nodes)} (scenario `{Relative(report.ScenarioPath)}`), limits {o.MaxParallel} per cluster / {o.MaxOutbound} per node, rolling waves,"))
            .AppendLine(F($"simulator speed {o.Speed:0.##} ({(o.Speed == 1 ? "model time is wall time" : "latencies converted to wall time")}). {Environment.ProcessorCount} cores shared with other work: 1-minute load average {report.LoadRange} during the runs."))
            .AppendLine();

        md.AppendLine("| | median of runs | runs |").AppendLine("|---|---:|---|");
        md.AppendLine(F($"| slot refill latency p50 | {report.MedianP50:0.0} ms | {Each(report, r => r.Refill.Latency.P50, "0.0")} |"));
        md.AppendLine(F($"| slot refill latency p99 (target < {BenchReport.TargetP99Milliseconds:0} ms) | **{report.MedianP99:0.0} ms** ({(report.MeetsTarget ? "met" : "missed")}) | {Each(report, r => r.Refill.Latency.P99, "0.0")} |"));
        md.AppendLine(F($"| API requests per migration | {report.MedianApiRequestsPerMigration:0.00} | {Each(report, r => r.ApiRequestsPerMigration, "0.00")} |"));
        if (report.MedianStatementsPerMigration is { } statements)
        {
            md.AppendLine(F($"| PostgreSQL statements per migration | {statements:0.0} | {Each(report, r => r.StatementsPerMigration ?? double.NaN, "0.0")} |"));
        }

        md.AppendLine(F($"| PostgreSQL transactions per migration | {report.MedianTransactionsPerMigration:0.0} | {Each(report, r => r.TransactionsPerMigration, "0.0")} |"));
        md.AppendLine(F($"| engine CPU time (user + system) | {report.MedianCpuSeconds:0.00} s | {Each(report, r => r.CpuSeconds, "0.00")} |"));
        md.AppendLine(F($"| engine peak memory (VmHWM) | {report.MedianPeakMiB:0} MiB | {Each(report, r => r.PeakResidentBytes / 1048576.0, "0")} |"));
        md.AppendLine(F($"| drain length (drainctl start to exit) | {report.MedianDrainSeconds:0.0} s | {Each(report, r => r.DrainSeconds, "0.0")} |"));
        md.AppendLine(F($"| makespan in model time (first VMIM created to last migration ended) | {report.MedianMakespanSeconds:0.0} s | {Each(report, r => r.MakespanSeconds, "0.0")} |"));
        md.AppendLine();
        var pooled = report.Pooled;
        md.AppendLine(F($"All runs' refills together: {pooled.Count} refills, p50 {pooled.P50:0.0} ms, p90 {pooled.P90:0.0} ms, p99 {pooled.P99:0.0} ms, max {pooled.Max:0.0} ms.")).AppendLine();

        Runs(md, report);
        Decomposition(md, report);
        Requests(md, report);
        Statements(md, report);
        md.AppendLine("## Definitions").AppendLine();
        md.AppendLine("- **Slot refill latency**: " + RefillDefinition);
        md.AppendLine("- **Idle gap**: " + IdleGapDefinition);
        md.AppendLine("- **API requests per migration**: " + ApiDefinition);
        md.AppendLine("- **PostgreSQL statements per migration**: " + StatementsDefinition);
        md.AppendLine("- **Engine CPU time and peak memory**: " + ProcessDefinition);
        md.AppendLine("- Percentiles are nearest-rank; \"median of runs\" is each figure's median across the runs, taken on its own.").AppendLine();
        md.AppendLine("Reproduce: `scripts/bench.sh` (full run; this section alone: `scripts/bench.sh --orchestration-only`), or")
            .AppendLine("`dotnet run -c Release --project bench/DrainOrchestrator.Orchestration.Bench -- --runs 3 --keep DIR` (keeps each run's")
            .AppendLine("engine log, ground truth and statement counts; `--analyze DIR` recomputes the figures from them).");
        return md.ToString();
    }

    private static void Runs(StringBuilder md, BenchReport report)
    {
        md.AppendLine("## Runs").AppendLine();
        md.AppendLine("| run | load 1/5/15 min (start) | migrations | completions | refills | left empty on purpose | nothing left | refill p50 / p90 / p99 / max (ms) | idle gap p50 / p99 (ms) | passes | CPU (s) | CPU per migration (ms) | peak RSS (MiB) | peak in flight | limit violations |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in report.Runs)
        {
            var l = r.Refill.Latency;
            md.AppendLine(F($"| {r.Run} | {string.Join(" / ", r.LoadBefore.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture)))} | {r.Migrations} | {r.Refill.Completions} | {r.Refill.Refills} | {r.Refill.LeftEmpty} | {r.Refill.NothingLeft} | {l.P50:0.0} / {l.P90:0.0} / {l.P99:0.0} / {l.Max:0.0} | {r.Refill.IdleGap.P50:0.0} / {r.Refill.IdleGap.P99:0.0} | {r.Refill.Passes} | {r.CpuSeconds:0.00} | {r.CpuMillisecondsPerMigration:0.0} | {r.PeakResidentBytes / 1048576.0:0} | {r.PeakInFlight} | {r.LimitViolations} |"));
        }

        md.AppendLine();
    }

    private static void Decomposition(StringBuilder md, BenchReport report)
    {
        if (report.Options.Speed != 1)
        {
            return;
        }

        md.AppendLine("## Where the time goes (p50 / p99 per run, ms)").AppendLine();
        md.AppendLine("Each refill split at the beginning of the engine pass that saw the completion (log event 3050; the engine's wall clock")
            .AppendLine("to the millisecond, against the simulator's ground truth: model time is wall time at speed 1, on the same machine).").AppendLine();
        md.AppendLine("| run | completion → pass begins: the simulator publishes, watch, informer, a pass in progress finishes | pass begins → VMIM created: drain state read, attempts listed, decision, intent journaled, POST | the engine's own time for passes that started something (3051) |");
        md.AppendLine("|---:|---|---|---|");
        foreach (var r in report.Runs)
        {
            var x = r.Refill;
            md.AppendLine(F($"| {r.Run} | {Pair(x.EventToPass)} | {Pair(x.EngineSide)} | {Pair(x.PassDecision)} |"));
        }

        md.AppendLine();
        var slowest = report.Runs.SelectMany(r => r.Refill.Slowest.Select(s => (r.Run, s))).OrderByDescending(p => p.s.LatencyMs).Take(5).ToList();
        if (slowest.Count > 0)
        {
            md.AppendLine("Slowest refills (completion → pass begins + pass begins → VMIM created): " + string.Join("; ", slowest.Select(p =>
                F($"run {p.Run}: {p.s.LatencyMs:0} ms = {p.s.ToPassMs:0} + {p.s.PassToCreatedMs:0}")))).AppendLine();
        }
    }

    private static void Requests(StringBuilder md, BenchReport report)
    {
        var run = MedianRun(report);
        md.AppendLine(F($"## API requests (run {run.Run}: {run.ApiRequests} for {run.Migrations} migrations)")).AppendLine();
        md.AppendLine("| verb | resource | requests | per migration |").AppendLine("|---|---|---:|---:|");
        foreach (var r in run.ApiRequestsByKind)
        {
            md.AppendLine(F($"| {r.Verb} | {r.Resource} | {r.Count} | {(double)r.Count / Math.Max(1, run.Migrations):0.00} |"));
        }

        md.AppendLine();
    }

    private static void Statements(StringBuilder md, BenchReport report)
    {
        var run = MedianRun(report);
        if (run.Statements is null)
        {
            md.AppendLine("pg_stat_statements was not available: only transactions were counted.").AppendLine();
            return;
        }

        md.AppendLine(F($"## PostgreSQL statements (run {run.Run}: {run.Statements} for {run.Migrations} migrations, {run.Transactions} transactions)")).AppendLine();
        md.AppendLine("| calls | per migration | total server time (ms) | statement |").AppendLine("|---:|---:|---:|---|");
        foreach (var s in run.TopStatements)
        {
            md.AppendLine(F($"| {s.Calls} | {(double)s.Calls / Math.Max(1, run.Migrations):0.00} | {s.TotalMilliseconds:0} | `{Shorten(s.Query, 110).Replace("|", "\\|", StringComparison.Ordinal)}` |"));
        }

        md.AppendLine();
    }

    private static RunResult MedianRun(BenchReport report) =>
        report.Runs.OrderBy(r => r.Refill.Latency.P99).ElementAt((report.Runs.Count - 1) / 2);

    public static string Shorten(string query, int length)
    {
        var flat = string.Join(' ', query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }

    private static string Pair(Distribution d) => F($"{d.P50:0.0} / {d.P99:0.0}");

    private static string Each(BenchReport report, Func<RunResult, double> value, string format) =>
        string.Join(", ", report.Runs.Select(r => value(r).ToString(format, CultureInfo.InvariantCulture)));

    private static string Relative(string path)
    {
        var marker = Path.DirectorySeparatorChar + "bench" + Path.DirectorySeparatorChar;
        var index = path.LastIndexOf(marker, StringComparison.Ordinal);
        return index < 0 ? path : path[(index + 1)..];
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
