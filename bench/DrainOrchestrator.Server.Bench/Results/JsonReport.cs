using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Bench.Harness.Analysis;
using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Server.Bench.Phases;

namespace DrainOrchestrator.Server.Bench.Results;

/// <summary><c>server.json</c>: the headline (what the README quotes), then every phase in full.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(ServerReport report)
    {
        var o = report.Options;
        var headline = new JsonObject();
        if (report.Api is { } api)
        {
            headline["apiClients"] = api.Clients;
            headline["apiPollIntervalMs"] = api.PollIntervalMs;
            headline["apiP50Ms"] = Round(api.All.P50);
            headline["apiP95Ms"] = Round(api.All.P95);
            headline["apiP99Ms"] = Round(api.All.P99);
            headline["apiMaxMs"] = Round(api.All.Max);
            headline["apiTargetP99Ms"] = ApiPhaseResult.TargetP99Milliseconds;
            headline["apiTargetMet"] = api.MeetsTarget;
            headline["apiRequestsPerSecond"] = Round(api.RequestsPerSecond);
            headline["apiErrors"] = api.Errors;
            headline["apiStartUpP99Ms"] = Round(api.StartUp.P99);
            headline["apiWholeP99Ms"] = Round(api.Whole.P99);
            headline["apiControlHealthzP99Ms"] = Round(api.Control.P99);
            headline["apiLoad1m"] = Load(api.Window);
        }

        if (report.Sse is { } sse)
        {
            headline["sseSubscribers"] = sse.Subscribers;
            headline["sseEvents"] = sse.Events;
            headline["sseExactlyOnceInOrder"] = sse.ExactlyOnceInOrder;
            headline["sseLagP50Ms"] = Round(sse.Lag.P50);
            headline["sseLagP99Ms"] = Round(sse.Lag.P99);
            headline["sseLagMaxMs"] = Round(sse.Lag.Max);
            headline["sseServerCores"] = Round(sse.Window.ServerCores, 2);
            headline["sseFeedPolls"] = sse.FeedPolls;
            headline["sseFeedPollsPerSecond"] = Round(sse.FeedPolls / sse.Window.Seconds, 2);
            headline["sseLoad1m"] = Load(sse.Window);
        }

        if (report.ServerRuns.Count > 0)
        {
            headline["refillRuns"] = report.ServerRuns.Count;
            headline["refillP50Ms"] = Round(report.RefillMedianP50);
            headline["refillP99Ms"] = Round(report.RefillMedianP99);
            headline["refillTargetP99Ms"] = ServerReport.RefillTargetP99Milliseconds;
            headline["refillTargetMet"] = report.RefillMeetsTarget;
            headline["refillLoad1m"] = string.Join(", ", report.ServerRuns.Select(r => Load(r.Window)));
        }

        if (report.DrainctlRuns.Count > 0)
        {
            headline["pairedDrainctlRefillP50Ms"] = Round(report.DrainctlMedianP50);
            headline["pairedDrainctlRefillP99Ms"] = Round(report.DrainctlMedianP99);
            headline["pairedDrainctlLoad1m"] = string.Join(", ", report.DrainctlRuns.Select(r => Load(r.Window)));
        }

        var document = new JsonObject
        {
            ["bench"] = "the service: API latency under load, Server-Sent Events fan-out, slot refill in server mode (issue 11)",
            ["smoke"] = o.Smoke,
            ["writtenAt"] = report.WrittenAt.ToString("O", CultureInfo.InvariantCulture),
            ["commit"] = report.Commit,
            ["processors"] = Environment.ProcessorCount,
            ["speed"] = o.Speed,
            ["scenario"] = Relative(o.Scenario),
            ["refillScenario"] = Relative(o.RefillScenario),
            ["headline"] = headline,
            ["definitions"] = new JsonObject
            {
                ["apiLatency"] = Definitions.ApiLatency,
                ["sseDelivery"] = Definitions.SseDelivery,
                ["sseLag"] = Definitions.SseLag,
                ["sseCost"] = Definitions.SseCost,
                ["refill"] = Definitions.Refill,
                ["cpu"] = Definitions.Cpu,
                ["percentiles"] = "nearest rank",
            },
        };
        if (report.Api is { } a)
        {
            document["api"] = Api(a, o);
        }

        if (report.Sse is { } s)
        {
            document["sse"] = Sse(s);
        }

        if (report.Refill.Count > 0)
        {
            document["refill"] = new JsonObject
            {
                ["nodes"] = new JsonArray([.. o.RefillNodes.Select(n => (JsonNode)n)]),
                ["pooledServer"] = Distribution(report.Pooled(RefillEngine.Server)),
                ["pooledDrainctl"] = Distribution(report.Pooled(RefillEngine.Drainctl)),
                ["runs"] = new JsonArray([.. report.Refill.Select(Refill)]),
            };
        }

        return document.ToJsonString(Indented);
    }

    private static JsonObject Api(ApiPhaseResult a, ServerBenchOptions o) => new()
    {
        ["clients"] = a.Clients,
        ["pollIntervalMs"] = a.PollIntervalMs,
        ["listEvery"] = a.ListEvery,
        ["drains"] = Drains(a.Drains, o.Drains),
        ["requests"] = a.Requests,
        ["requestsPerSecond"] = Round(a.RequestsPerSecond),
        ["errors"] = a.Errors,
        ["errorStatuses"] = new JsonArray([.. a.ErrorStatuses.Select(e => (JsonNode)e)]),
        ["late"] = a.Late,
        ["latencyMs"] = Distribution(a.All),
        ["getDrainMs"] = Distribution(a.Get),
        ["listDrainsMs"] = Distribution(a.List),
        ["meanGetDrainBytes"] = Round(a.MeanGetBytes, 0),
        ["meanListDrainsBytes"] = Round(a.MeanListBytes, 0),
        ["window"] = Window(a.Window),
        ["startUp"] = new JsonObject
        {
            ["seconds"] = Round(a.StartUpSeconds),
            ["latencyMs"] = Distribution(a.StartUp),
            ["errors"] = a.StartUpErrors,
            ["window"] = Window(a.StartUpWindow),
        },
        ["wholeLatencyMs"] = Distribution(a.Whole),
        ["controlHealthzMs"] = Distribution(a.Control),
        ["controlErrors"] = a.ControlErrors,
        ["postgresStatements"] = a.Statements,
        ["postgresStatementsPerRequest"] = Round((double)a.Statements / Math.Max(1, a.Requests), 2),
        ["topStatements"] = Statements(a.TopStatements),
        ["groundTruth"] = Truth(a.Migrations, a.PeakInFlight, a.LimitViolations, a.VmiLosses),
    };

    private static JsonObject Sse(SsePhaseResult s) => new()
    {
        ["subscribers"] = s.Subscribers,
        ["drains"] = Drains(s.Drains, null),
        ["events"] = s.Events,
        ["deliveries"] = s.Deliveries,
        ["allReceivedInTime"] = s.AllReceivedInTime,
        ["subscribersExactlyOnceInOrder"] = s.SubscribersExact,
        ["missing"] = s.Missing,
        ["duplicates"] = s.Duplicates,
        ["outOfOrder"] = s.OutOfOrder,
        ["kindMismatches"] = s.KindMismatches,
        ["streamErrors"] = new JsonArray([.. s.StreamErrors.Take(20).Select(e => (JsonNode)e)]),
        ["lagMs"] = Distribution(s.Lag),
        ["lastSubscriberLagMs"] = Distribution(s.LastSubscriberLag),
        ["spreadMs"] = Distribution(s.Spread),
        ["window"] = Window(s.Window),
        ["feedPolls"] = s.FeedPolls,
        ["feedQueriesCounted"] = s.FeedQueries,
        ["groundTruth"] = Truth(s.Migrations, s.PeakInFlight, s.LimitViolations, s.VmiLosses),
    };

    private static JsonObject Refill(RefillRun r) => new()
    {
        ["run"] = r.Run,
        ["engine"] = r.Engine == RefillEngine.Server ? "drainctl serve (Hangfire job)" : "drainctl drain (paired reference)",
        ["drainSeconds"] = Round(r.DrainSeconds),
        ["state"] = r.State,
        ["migrations"] = r.Migrations,
        ["completions"] = r.Refill.Completions,
        ["refills"] = r.Refill.Refills,
        ["leftEmptyByScheduler"] = r.Refill.LeftEmpty,
        ["nothingLeftToStart"] = r.Refill.NothingLeft,
        ["notObservedInLog"] = r.Refill.Unobserved,
        ["passes"] = r.Refill.Passes,
        ["latencyMs"] = Distribution(r.Refill.Latency),
        ["idleGapMs"] = Distribution(r.Refill.IdleGap),
        ["eventToPassMs"] = Distribution(r.Refill.EventToPass),
        ["engineSideMs"] = Distribution(r.Refill.EngineSide),
        ["passDecisionMs"] = Distribution(r.Refill.PassDecision),
        ["apiRequestsPerMigration"] = Round(r.ApiRequestsPerMigration, 2),
        ["postgresStatementsPerMigration"] = Round(r.StatementsPerMigration),
        ["topStatements"] = Statements(r.TopStatements),
        ["processPeakResidentMiB"] = Round(r.PeakResidentBytes / 1048576.0, 0),
        ["window"] = Window(r.Window),
        ["groundTruth"] = Truth(r.Migrations, r.PeakInFlight, r.LimitViolations, r.VmiLosses),
    };

    private static JsonArray Drains(IReadOnlyList<Serving.DrainState> drains, IReadOnlyList<IReadOnlyList<string>>? nodes) =>
        new([.. drains.Select((d, i) => (JsonNode)new JsonObject
        {
            ["name"] = d.Name,
            ["nodes"] = nodes is null || i >= nodes.Count ? null : new JsonArray([.. nodes[i].Select(n => (JsonNode)n)]),
            ["state"] = d.State,
            ["seconds"] = d.FinishedAt is { } f ? Round((f - d.CreatedAt).TotalSeconds) : null,
        })]);

    private static JsonObject Window(Window w) => new()
    {
        ["seconds"] = Round(w.Seconds),
        ["serverCpuSeconds"] = Round(w.ServerCpuSeconds, 2),
        ["serverCores"] = Round(w.ServerCores, 2),
        ["benchCpuSeconds"] = Round(w.BenchCpuSeconds, 2),
        ["benchCores"] = Round(w.BenchCores, 2),
        ["machineBusyShare"] = Round(w.MachineBusyShare, 2),
        ["loadBefore"] = new JsonArray([.. w.LoadBefore.Select(l => (JsonNode)l)]),
        ["loadAfter"] = new JsonArray([.. w.LoadAfter.Select(l => (JsonNode)l)]),
    };

    private static JsonArray Statements(IEnumerable<StatementCount> statements) =>
        new([.. statements.Select(s => (JsonNode)new JsonObject
        {
            ["calls"] = s.Calls,
            ["totalMs"] = Round(s.TotalMilliseconds),
            ["query"] = MarkdownReport.Shorten(s.Query, 160),
        })]);

    private static JsonObject Truth(int migrations, int peak, int violations, int losses) => new()
    {
        ["migrations"] = migrations,
        ["peakInFlight"] = peak,
        ["limitViolations"] = violations,
        ["vmiLosses"] = losses,
    };

    private static JsonObject Distribution(Distribution d) => new()
    {
        ["count"] = d.Count,
        ["p50"] = Round(d.P50),
        ["p90"] = Round(d.P90),
        ["p95"] = Round(d.P95),
        ["p99"] = Round(d.P99),
        ["max"] = Round(d.Max),
        ["mean"] = Round(d.Mean),
    };

    private static string Load(Window w) => string.Join(" → ", new[] { w.LoadBefore, w.LoadAfter }
        .Where(l => l.Count > 0).Select(l => l[0].ToString("0.00", CultureInfo.InvariantCulture)));

    internal static string Relative(string path)
    {
        var marker = Path.DirectorySeparatorChar + "bench" + Path.DirectorySeparatorChar;
        var index = path.LastIndexOf(marker, StringComparison.Ordinal);
        return index < 0 ? path : path[(index + 1)..];
    }

    private static double? Round(double value, int digits = 1) => double.IsNaN(value) || double.IsInfinity(value) ? null : Math.Round(value, digits);
}
