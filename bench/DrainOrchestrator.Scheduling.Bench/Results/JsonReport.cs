using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>The results as JSON: every case with its bound, both runs and the verdicts; migrations of one scenario.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The summary of every case (no per-migration detail).</summary>
    public static string Cases(BenchReport report) => JsonSerializer.Serialize(new
    {
        benchmark = "scheduling-quality",
        quick = report.Quick,
        informed = report.Informed,
        wallSeconds = Math.Round(report.WallSeconds, 2),
        targets = new { boundRatio = CaseResult.BoundTarget, rollingMigrationsPerVm = CaseResult.RollingTarget },
        cases = report.Cases.Select(Case),
        blindMapping = report.BlindCases.Count == 0 ? null : report.BlindCases.Select(Case),
    }, Options);

    /// <summary>Every migration of the given runs.</summary>
    public static string Migrations(IEnumerable<RunResult> runs) => JsonSerializer.Serialize(
        runs.Select(r => new { r.Scenario, r.Limits, r.Mode, r.MakespanSeconds, r.Migrations }), Options);

    private static object Case(CaseResult c) => new
    {
        scenario = c.Entry.Id,
        name = c.ScenarioName,
        file = c.Entry.File,
        limits = new { c.Limits.Name, c.Limits.PerCluster, c.Limits.PerNode },
        batches = c.Entry.ExpandedBatches(),
        lowerBound = c.Bound,
        ratio = Math.Round(c.Ratio, 4),
        speedupOverKubeVirtAlone = Math.Round(c.Speedup, 4),
        meetsBound = c.MeetsBound,
        notWorseThanKubeVirtAlone = c.NotWorseThanKubeVirt,
        meetsRollingTarget = c.MeetsRolling,
        orchestrator = Summary(c.Orchestrator),
        kubeVirtAlone = Summary(c.KubeVirtAlone),
    };

    private static object Summary(RunResult r) => new
    {
        makespanSeconds = Math.Round(r.MakespanSeconds, 2),
        batchMakespanSeconds = r.BatchMakespanSeconds.Select(s => Math.Round(s, 2)),
        r.Complete,
        r.VmisToMove,
        r.Left,
        r.Succeeded,
        r.FailedAttempts,
        r.PostCopy,
        r.BytesMoved,
        migrationsPerVm = Math.Round(r.MigrationsPerVm, 4),
        r.LimitViolations,
        r.PeakInFlight,
        r.Decisions,
        decideSeconds = Math.Round(r.DecideSeconds, 3),
        wallSeconds = Math.Round(r.WallSeconds, 3),
    };
}
