using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Bench.Harness.Analysis;

namespace DrainOrchestrator.Orchestration.Bench.Results;

/// <summary><c>orchestration.json</c>: the headline (medians over the runs), then every run in full.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(BenchReport report)
    {
        var options = report.Options;
        var document = new JsonObject
        {
            ["bench"] = "orchestration in real time over HTTPS (issue 6, point 2; issue 5's refill target)",
            ["quick"] = options.Quick,
            ["writtenAt"] = report.WrittenAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["scenario"] = report.ScenarioPath,
            ["nodes"] = new JsonArray([.. options.Nodes.Select(n => (JsonNode)n)]),
            ["maxParallel"] = options.MaxParallel,
            ["maxOutbound"] = options.MaxOutbound,
            ["speed"] = options.Speed,
            ["processors"] = Environment.ProcessorCount,
            ["loadAverage1m"] = report.LoadRange,
            ["headline"] = new JsonObject
            {
                ["runs"] = report.Runs.Count,
                ["refillP50Ms"] = Round(report.MedianP50),
                ["refillP99Ms"] = Round(report.MedianP99),
                ["refillBestP99Ms"] = Round(report.BestP99),
                ["refillTargetP99Ms"] = BenchReport.TargetP99Milliseconds,
                ["targetMet"] = report.MeetsTarget,
                ["apiRequestsPerMigration"] = Round(report.MedianApiRequestsPerMigration),
                ["postgresStatementsPerMigration"] = report.MedianStatementsPerMigration is { } s ? Round(s) : null,
                ["postgresTransactionsPerMigration"] = Round(report.MedianTransactionsPerMigration),
                ["engineCpuSeconds"] = Round(report.MedianCpuSeconds),
                ["enginePeakMiB"] = Round(report.MedianPeakMiB),
                ["drainSeconds"] = Round(report.MedianDrainSeconds),
                ["makespanModelSeconds"] = Round(report.MedianMakespanSeconds),
                ["pooledRefill"] = Distribution(report.Pooled),
            },
            ["definitions"] = new JsonObject
            {
                ["refillLatency"] = MarkdownReport.RefillDefinition,
                ["idleGap"] = MarkdownReport.IdleGapDefinition,
                ["apiRequests"] = MarkdownReport.ApiDefinition,
                ["postgresStatements"] = MarkdownReport.StatementsDefinition,
                ["engineCpuAndMemory"] = MarkdownReport.ProcessDefinition,
                ["percentiles"] = "nearest rank",
            },
            ["runs"] = new JsonArray([.. report.Runs.Select(Run)]),
        };
        return document.ToJsonString(Indented);
    }

    private static JsonNode Run(RunResult run) => new JsonObject
    {
        ["run"] = run.Run,
        ["drainSeconds"] = Round(run.DrainSeconds),
        ["makespanModelSeconds"] = Round(run.MakespanSeconds),
        ["migrations"] = run.Migrations,
        ["failedMigrations"] = run.FailedMigrations,
        ["loadBefore"] = new JsonArray([.. run.LoadBefore.Select(l => (JsonNode)l)]),
        ["loadAfter"] = new JsonArray([.. run.LoadAfter.Select(l => (JsonNode)l)]),
        ["refill"] = new JsonObject
        {
            ["completions"] = run.Refill.Completions,
            ["refills"] = run.Refill.Refills,
            ["leftEmptyByScheduler"] = run.Refill.LeftEmpty,
            ["nothingLeftToStart"] = run.Refill.NothingLeft,
            ["notObservedInLog"] = run.Refill.Unobserved,
            ["passes"] = run.Refill.Passes,
            ["latencyMs"] = Distribution(run.Refill.Latency),
            ["idleGapMs"] = Distribution(run.Refill.IdleGap),
            ["eventToPassMs"] = Distribution(run.Refill.EventToPass),
            ["engineSideMs"] = Distribution(run.Refill.EngineSide),
            ["passDecisionMs"] = Distribution(run.Refill.PassDecision),
            ["slowest"] = new JsonArray([.. run.Refill.Slowest.Select(r => (JsonNode)new JsonObject
            {
                ["completed"] = r.Completed,
                ["completedSource"] = r.CompletedSource,
                ["started"] = r.Started,
                ["startedSource"] = r.StartedSource,
                ["latencyMs"] = Round(r.LatencyMs),
                ["eventToPassMs"] = Round(r.ToPassMs),
                ["engineSideMs"] = Round(r.PassToCreatedMs),
            })]),
        },
        ["apiRequests"] = new JsonObject
        {
            ["total"] = run.ApiRequests,
            ["perMigration"] = Round(run.ApiRequestsPerMigration),
            ["byKind"] = new JsonArray([.. run.ApiRequestsByKind.Select(r => (JsonNode)new JsonObject
            {
                ["verb"] = r.Verb,
                ["resource"] = r.Resource,
                ["count"] = r.Count,
            })]),
        },
        ["postgres"] = new JsonObject
        {
            ["statements"] = run.Statements,
            ["statementsPerMigration"] = Round(run.StatementsPerMigration),
            ["transactions"] = run.Transactions,
            ["transactionsPerMigration"] = Round(run.TransactionsPerMigration),
            ["topStatements"] = new JsonArray([.. run.TopStatements.Select(s => (JsonNode)new JsonObject
            {
                ["calls"] = s.Calls,
                ["totalMs"] = Round(s.TotalMilliseconds),
                ["query"] = MarkdownReport.Shorten(s.Query, 160),
            })]),
        },
        ["engine"] = new JsonObject
        {
            ["cpuUserSeconds"] = Round(run.CpuUserSeconds),
            ["cpuSystemSeconds"] = Round(run.CpuSystemSeconds),
            ["cpuMsPerMigration"] = Round(run.CpuMillisecondsPerMigration),
            ["peakResidentMiB"] = Round(run.PeakResidentBytes / 1048576.0),
            ["peakThreads"] = run.PeakThreads,
        },
        ["groundTruth"] = new JsonObject
        {
            ["peakInFlight"] = run.PeakInFlight,
            ["limitViolations"] = run.LimitViolations,
            ["vmiLosses"] = run.VmiLosses,
        },
    };

    private static JsonObject Distribution(Distribution d) => new()
    {
        ["count"] = d.Count,
        ["p50"] = Round(d.P50),
        ["p90"] = Round(d.P90),
        ["p99"] = Round(d.P99),
        ["max"] = Round(d.Max),
        ["mean"] = Round(d.Mean),
    };

    private static double? Round(double? value) => value is { } v && !double.IsNaN(v) ? Math.Round(v, 1) : null;
}
