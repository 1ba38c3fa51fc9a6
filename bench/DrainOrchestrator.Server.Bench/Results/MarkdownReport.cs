using System.Globalization;
using System.Text;
using DrainOrchestrator.Bench.Harness.Analysis;
using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Server.Bench.Phases;

namespace DrainOrchestrator.Server.Bench.Results;

/// <summary><c>server.md</c>: the headline against the targets, each phase in detail, the definitions, how to reproduce.</summary>
internal static class MarkdownReport
{
    public static string Render(ServerReport report)
    {
        var o = report.Options;
        var md = new StringBuilder();
        md.AppendLine("# The service: API latency, Server-Sent Events fan-out, slot refill in server mode").AppendLine();
        md.AppendLine(F($"Written by `bench/DrainOrchestrator.Server.Bench` (`scripts/bench.sh{(o.Smoke ? " --server-only --quick" : "")}`, {(o.Smoke ? "smoke" : "full")} run) on {report.WrittenAt:yyyy-MM-dd HH:mm} UTC, programs built from commit {report.Commit}:"))
            .AppendLine(F($"`drainctl serve` (one replica), a private PostgreSQL and `drain-sim` (speed {o.Speed:0.##}) as separate processes over HTTP(S) and TCP, with the"))
            .AppendLine(F($"clients in the bench's own process, all on {Environment.ProcessorCount} cores shared with other work. The load average is given with every phase.")).AppendLine();

        Headline(md, report);
        if (report.Api is { } api)
        {
            Api(md, api, o);
        }

        if (report.Sse is { } sse)
        {
            Sse(md, sse);
        }

        if (report.Refill.Count > 0)
        {
            Refill(md, report);
        }

        md.AppendLine("## Definitions").AppendLine();
        md.AppendLine("- **API latency**: " + Definitions.ApiLatency);
        md.AppendLine("- **Exactly once, in order**: " + Definitions.SseDelivery);
        md.AppendLine("- **Delivery lag**: " + Definitions.SseLag);
        md.AppendLine("- **Server CPU and database polls during the fan-out**: " + Definitions.SseCost);
        md.AppendLine("- **Slot refill latency**: " + Definitions.Refill);
        md.AppendLine("- **CPU and load**: " + Definitions.Cpu);
        md.AppendLine("- Percentiles are nearest-rank.").AppendLine();
        md.AppendLine("Reproduce: `scripts/bench.sh --server-only` (this bench alone; `--no-server` skips it in a full run), or")
            .AppendLine("`dotnet run -c Release --project bench/DrainOrchestrator.Server.Bench -- [--only api,sse,refill] [--clients 50] [--poll-interval-ms 250]`")
            .AppendLine("`[--subscribers 200] [--refill-runs 3] [--keep DIR]` (`--keep` keeps each phase's server log and the refill runs' ground truth;")
            .AppendLine("`--smoke` is a two-minute run on small scenarios into `bench/results/tmp/`).");
        return md.ToString();
    }

    private static void Headline(StringBuilder md, ServerReport report)
    {
        md.AppendLine("| | measured | target | load 1 min (start → end) |").AppendLine("|---|---|---|---|");
        if (report.Api is { } a)
        {
            md.AppendLine(F($"| API latency p99, {a.Clients} clients polling every {a.PollIntervalMs:0} ms while {a.Drains.Count} drains run (steady state) | **{a.All.P99:0.0} ms** ({(a.MeetsTarget ? "met" : "missed")}) | < {ApiPhaseResult.TargetP99Milliseconds:0} ms, no errors | {Load(a.Window)} |"));
            md.AppendLine(F($"| API latency p50 / p95 / max | {a.All.P50:0.0} / {a.All.P95:0.0} / {a.All.Max:0.0} ms | | |"));
            md.AppendLine(F($"| control: `GET /healthz` p99 in the same steady state (no database, no auth: the machine's and HTTP's share) | {a.Control.P99:0.0} ms | | |"));
            md.AppendLine(F($"| API latency p99 while the drains started (first {a.StartUpSeconds:0.0} s), and over the whole time | {a.StartUp.P99:0.0} ms, {a.Whole.P99:0.0} ms | | {Load(a.StartUpWindow)} |"));
            md.AppendLine(F($"| API requests per second, errors | {a.RequestsPerSecond:0.0}/s, {a.Errors} errors ({a.Requests} requests in {a.Window.Seconds:0.0} s) | | |"));
        }

        if (report.Sse is { } s)
        {
            md.AppendLine(F($"| SSE: {s.Subscribers} subscribers, every event exactly once and in order | **{(s.ExactlyOnceInOrder ? "yes" : "no")}**: {s.SubscribersExact} of {s.Subscribers} subscribers, {s.Events} events each, {s.Deliveries} deliveries | all | {Load(s.Window)} |"));
            md.AppendLine(F($"| SSE delivery lag p50 / p99 / max | {s.Lag.P50:0.0} / {s.Lag.P99:0.0} / {s.Lag.Max:0.0} ms | | |"));
            md.AppendLine(F($"| SSE: server CPU, journal feed's database polls | {s.Window.ServerCpuSeconds:0.0} s in {s.Window.Seconds:0} s ({s.Window.ServerCores * 100:0}% of a core); {s.FeedPolls:0} polls ({s.FeedPolls / s.Window.Seconds:0.0}/s) | | |"));
        }

        if (report.ServerRuns.Count > 0)
        {
            var loads = string.Join(", ", report.ServerRuns.Select(r => Load(r.Window)));
            var runs = report.ServerRuns.Count;
            md.AppendLine(F($"| slot refill p99 in server mode (median of {runs} drain{(runs == 1 ? "" : "s")}) | **{report.RefillMedianP99:0.0} ms** ({(report.RefillMeetsTarget ? "met" : "missed")}) | < {ServerReport.RefillTargetP99Milliseconds:0} ms | {loads} |"));
            md.AppendLine(F($"| slot refill p50 in server mode | {report.RefillMedianP50:0.0} ms | | |"));
        }

        if (report.DrainctlRuns.Count > 0)
        {
            var loads = string.Join(", ", report.DrainctlRuns.Select(r => Load(r.Window)));
            md.AppendLine(F($"| the same drain by `drainctl drain -v`, each run right after a server run: refill p50 / p99 (median) | {report.DrainctlMedianP50:0.0} / {report.DrainctlMedianP99:0.0} ms | | {loads} |"));
        }

        md.AppendLine();
    }

    private static void Api(StringBuilder md, ApiPhaseResult a, ServerBenchOptions o)
    {
        md.AppendLine("## API latency under load").AppendLine();
        md.AppendLine(F($"Scenario `{JsonReport.Relative(o.Scenario)}`: three drains of {string.Join(", ", o.Drains.Select(d => "(" + string.Join(", ", d) + ")"))}, started through `POST /api/v1/drains` with"))
            .AppendLine(F($"`{{\"nonMigratable\":\"skip\",\"retryBackoffSeconds\":1}}`, sharing the cluster's budget; {a.Clients} clients, one request each every {a.PollIntervalMs:0} ms, every {a.ListEvery}th a list."))
            .AppendLine(F($"The clients polled for {a.StartUpSeconds + a.Window.Seconds:0.0} s, until the first drain ended: {a.StartUpSeconds:0.0} s while the drains started (until each had moved a VM),")
                + F($" then {a.Window.Seconds:0.0} s of steady state. The drains took {string.Join(", ", a.Drains.Select(Took))}.")).AppendLine();
        md.AppendLine("| request | count | p50 | p90 | p95 | p99 | max | mean | mean answer size |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(F($"| `GET /api/v1/drains/{{id}}` | {Row(a.Get)} | {a.MeanGetBytes / 1024:0.0} KiB |"));
        md.AppendLine(F($"| `GET /api/v1/drains` | {Row(a.List)} | {a.MeanListBytes / 1024:0.0} KiB |"));
        md.AppendLine(F($"| all, steady state | {Row(a.All)} | |"));
        md.AppendLine(F($"| all, while the drains started | {Row(a.StartUp)} | |"));
        md.AppendLine(F($"| all, the whole time | {Row(a.Whole)} | |"));
        md.AppendLine(F($"| control: `GET /healthz` (one more client, steady state) | {Row(a.Control)} | |")).AppendLine();
        md.AppendLine(F($"Steady state: {a.Requests} requests, {a.RequestsPerSecond:0.0}/s; {a.Errors} errors ({a.StartUpErrors} while starting){(a.ErrorStatuses.Count > 0 ? " (" + string.Join(", ", a.ErrorStatuses) + ")" : "")}; {a.Late} sent late because the previous answer took longer than the interval."))
            .AppendLine(F($"CPU in the steady state: server {a.Window.ServerCpuSeconds:0.0} s ({a.Window.ServerCores * 100:0}% of a core), the bench's clients {a.Window.BenchCpuSeconds:0.0} s ({a.Window.BenchCores * 100:0}%), machine {a.Window.MachineBusyShare * 100:0}% busy;"))
            .AppendLine(F($"load {LoadFull(a.Window)}. PostgreSQL: {a.Statements} statements in the steady state ({(double)a.Statements / Math.Max(1, a.Requests):0.0} per API request, the drains' own included)."))
            .AppendLine(F($"Ground truth: {a.Migrations} migrations, peak {a.PeakInFlight} in flight, {a.LimitViolations} limit violations, {a.VmiLosses} guests lost.")).AppendLine();
        Statements(md, a.TopStatements);
    }

    private static string Took(Serving.DrainState d) =>
        F($"{((d.FinishedAt ?? d.CreatedAt) - d.CreatedAt).TotalSeconds:0} s ({d.State})");

    private static void Sse(StringBuilder md, SsePhaseResult s)
    {
        md.AppendLine("## Server-Sent Events fan-out").AppendLine();
        md.AppendLine(F($"{s.Subscribers} subscribers on `GET /api/v1/events` while the same three drains ran ({string.Join(", ", s.Drains.Select(d => F($"{d.Name} {d.State}")))});"))
            .AppendLine(F($"{s.Events} journal events, {s.Deliveries} deliveries in {s.Window.Seconds:0.0} s{(s.AllReceivedInTime ? "" : " (not every subscriber had the last event within a minute of the drains' end)")}.")).AppendLine();
        md.AppendLine("| check | result |").AppendLine("|---|---|");
        md.AppendLine(F($"| subscribers with exactly the journal's events, in order | {s.SubscribersExact} of {s.Subscribers} |"));
        md.AppendLine(F($"| events missing, received twice, out of order, of the wrong kind (all subscribers) | {s.Missing}, {s.Duplicates}, {s.OutOfOrder}, {s.KindMismatches} |"));
        md.AppendLine(F($"| streams that ended early | {s.StreamErrors.Count}{(s.StreamErrors.Count > 0 ? ": " + string.Join("; ", s.StreamErrors.Take(3)) : "")} |")).AppendLine();
        md.AppendLine("| delivery | count | p50 | p90 | p95 | p99 | max | mean |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(F($"| lag, every event at every subscriber (ms) | {Row(s.Lag)} |"));
        md.AppendLine(F($"| lag of the last subscriber to get each event (ms) | {Row(s.LastSubscriberLag)} |"));
        md.AppendLine(F($"| spread: first to last subscriber, per event (ms) | {Row(s.Spread)} |")).AppendLine();
        md.AppendLine(F($"Server CPU {s.Window.ServerCpuSeconds:0.0} s over {s.Window.Seconds:0.0} s ({s.Window.ServerCores * 100:0}% of a core), the drains' engines included; the bench's subscribers {s.Window.BenchCpuSeconds:0.0} s;"))
            .AppendLine(F($"machine {s.Window.MachineBusyShare * 100:0}% busy; load {LoadFull(s.Window)}. The journal feed read the database {s.FeedPolls:0} times ({s.FeedPolls / s.Window.Seconds:0.0}/s; pg_stat_statements"))
            .AppendLine(F($"counted {s.FeedQueries} calls of its query) for {s.Subscribers} streams: one poller per server, whatever the number of subscribers."))
            .AppendLine(F($"Ground truth: {s.Migrations} migrations, peak {s.PeakInFlight} in flight, {s.LimitViolations} limit violations, {s.VmiLosses} guests lost.")).AppendLine();
    }

    private static void Refill(StringBuilder md, ServerReport report)
    {
        var o = report.Options;
        md.AppendLine("## Slot refill in server mode").AppendLine();
        md.AppendLine(F($"Scenario `{JsonReport.Relative(o.RefillScenario)}` (the orchestration bench's), one drain of {string.Join(", ", o.RefillNodes)} per run. Server: a fresh"))
            .AppendLine("`drainctl serve --verbose --log-format json`, database and simulator per run, the drain started through the API and run by the")
            .AppendLine("server's Hangfire worker; nothing else talks to it but one status request a second. drainctl: the same drain by")
            .AppendLine("`drainctl drain -v --non-migratable skip --retry-backoff-seconds 1` on a fresh database and simulator, right after each")
            .AppendLine("server run, so that both engines' figures come from the same minutes of a shared machine. CPU and peak RSS are the")
            .AppendLine("engine's process: the whole server, or drainctl.").AppendLine();
        md.AppendLine("| engine | run | load 1 min (start → end) | drain | migrations | refills | left empty on purpose | nothing left | refill p50 / p90 / p99 / max (ms) | completion → pass begins p50 / p99 | pass begins → VMIM created p50 / p99 | passes | CPU (s) | peak RSS (MiB) | API requests / migration | statements / migration | limit violations |");
        md.AppendLine("|---|---:|---|---|---:|---:|---:|---:|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in report.Refill.OrderBy(r => r.Engine).ThenBy(r => r.Run))
        {
            var l = r.Refill.Latency;
            md.AppendLine(F($"| {(r.Engine == RefillEngine.Server ? "server" : "drainctl")} | {r.Run} | {Load(r.Window)} | {r.DrainSeconds:0.0} s, {r.State} | {r.Migrations} | {r.Refill.Refills} | {r.Refill.LeftEmpty} | {r.Refill.NothingLeft} | {l.P50:0.0} / {l.P90:0.0} / {l.P99:0.0} / {l.Max:0.0} | {r.Refill.EventToPass.P50:0.0} / {r.Refill.EventToPass.P99:0.0} | {r.Refill.EngineSide.P50:0.0} / {r.Refill.EngineSide.P99:0.0} | {r.Refill.Passes} | {r.Window.ServerCpuSeconds:0.0} | {r.PeakResidentBytes / 1048576.0:0} | {r.ApiRequestsPerMigration:0.00} | {r.StatementsPerMigration:0.0} | {r.LimitViolations} |"));
        }

        md.AppendLine();
        foreach (var engine in new[] { RefillEngine.Server, RefillEngine.Drainctl })
        {
            var pooled = report.Pooled(engine);
            if (pooled.Count == 0)
            {
                continue;
            }

            md.AppendLine(F($"All {(engine == RefillEngine.Server ? "server" : "drainctl")} runs' refills together: {pooled.Count} refills, p50 {pooled.P50:0.0} ms, p90 {pooled.P90:0.0} ms, p99 {pooled.P99:0.0} ms, max {pooled.Max:0.0} ms.")).AppendLine();
        }

        var slowest = report.ServerRuns.SelectMany(r => r.Refill.Slowest.Select(s => (r.Run, s))).OrderByDescending(p => p.s.LatencyMs).Take(5).ToList();
        if (slowest.Count > 0)
        {
            md.AppendLine("Slowest in server mode (completion → pass begins + pass begins → VMIM created): " + string.Join("; ", slowest.Select(p =>
                F($"run {p.Run}: {p.s.LatencyMs:0} ms = {p.s.ToPassMs:0} + {p.s.PassToCreatedMs:0}"))) + ".").AppendLine();
        }

        md.AppendLine("The server's CPU, API requests and statements per migration include what a server does besides the drain: Hangfire's")
            .AppendLine("queue polling, the supervisor, the journal feed, the drain counts for `/metrics`.").AppendLine();
    }

    private static void Statements(StringBuilder md, IReadOnlyList<StatementCount> statements)
    {
        if (statements.Count == 0)
        {
            return;
        }

        md.AppendLine("| calls | total server time (ms) | statement (the window's most frequent) |").AppendLine("|---:|---:|---|");
        foreach (var s in statements)
        {
            md.AppendLine(F($"| {s.Calls} | {s.TotalMilliseconds:0} | `{Shorten(s.Query, 110).Replace("|", "\\|", StringComparison.Ordinal)}` |"));
        }

        md.AppendLine();
    }

    public static string Shorten(string query, int length)
    {
        var flat = string.Join(' ', query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }

    private static string Row(Distribution d) => F($"{d.Count} | {d.P50:0.0} | {d.P90:0.0} | {d.P95:0.0} | {d.P99:0.0} | {d.Max:0.0} | {d.Mean:0.0}");

    private static string Load(Window w) => string.Join(" → ", new[] { w.LoadBefore, w.LoadAfter }
        .Where(l => l.Count > 0).Select(l => l[0].ToString("0.00", CultureInfo.InvariantCulture)));

    private static string LoadFull(Window w) => string.Join(" → ", new[] { w.LoadBefore, w.LoadAfter }
        .Where(l => l.Count > 0).Select(l => string.Join(" / ", l.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
