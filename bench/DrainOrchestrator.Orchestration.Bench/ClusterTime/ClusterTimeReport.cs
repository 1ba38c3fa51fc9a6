using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Orchestration.Bench.Results;

namespace DrainOrchestrator.Orchestration.Bench.ClusterTime;

/// <summary>
/// <c>cluster-time.json</c> and <c>cluster-time.md</c>: a bench scenario drained end to end over HTTPS (drain-sim at
/// <c>--speed N</c>, drainctl on cluster time), its makespan in model time against the scheduling bench's virtual-time
/// makespan of the same case (issue 16, point 1: within 5%).
/// </summary>
internal sealed record ClusterTimeReport(VirtualTimeCase Case, double Speed, IReadOnlyList<RunResult> Runs, DateTimeOffset WrittenAt)
{
    /// <summary>The issue's target: at most this ratio of the end-to-end makespan to the virtual-time one.</summary>
    public const double TargetRatio = 1.05;

    public const string MakespanDefinition =
        "End to end: from the first VMIM's creation to the last migration's end (Succeeded or Failed) in drain-sim's ground truth, in model time. "
        + "Virtual time: the scheduling bench's orchestrator makespan of the same case (the drain's start to its last migration's end; the engine's "
        + "validation, cordon and planning take no model time there, so its first VMIM is created at the start).";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public double MedianMakespanSeconds => BenchReport.Median(Runs.Select(r => r.MakespanSeconds));

    public double MedianRatio => MedianMakespanSeconds / Case.MakespanSeconds;

    public double WorstRatio => Runs.Max(r => r.MakespanSeconds) / Case.MakespanSeconds;

    public bool MeetsTarget => MedianRatio <= TargetRatio;

    /// <summary>
    /// A run's idle gaps (each completion to the next VMIM's creation) summed in model time over the cluster's slots: what
    /// the engine's wall-time reactions cost the schedule per slot, which a virtual-time run does not pay.
    /// </summary>
    public double GapSecondsPerSlot(RunResult run) =>
        run.Refill.IdleGap.Count == 0 ? 0 : run.Refill.IdleGap.Mean * run.Refill.IdleGap.Count * Speed / 1000 / Case.PerCluster;

    public string RenderJson()
    {
        var document = new JsonObject
        {
            ["bench"] = "a bench scenario end to end over HTTPS in cluster time (issue 16, point 1)",
            ["writtenAt"] = WrittenAt.ToString("O", CultureInfo.InvariantCulture),
            ["case"] = new JsonObject
            {
                ["scenario"] = Case.Id,
                ["file"] = Case.File,
                ["limits"] = Case.Limits,
                ["perCluster"] = Case.PerCluster,
                ["perNode"] = Case.PerNode,
                ["nodes"] = new JsonArray([.. Case.Nodes.Select(n => (JsonNode)n)]),
                ["informed"] = Case.Informed,
                ["virtualTimeResults"] = Case.Source,
            },
            ["speed"] = Speed,
            ["processors"] = Environment.ProcessorCount,
            ["headline"] = new JsonObject
            {
                ["runs"] = Runs.Count,
                ["virtualMakespanSeconds"] = Number(Case.MakespanSeconds),
                ["lowerBoundSeconds"] = Number(Case.LowerBoundSeconds),
                ["endToEndMakespanSeconds"] = Number(MedianMakespanSeconds),
                ["ratio"] = Math.Round(MedianRatio, 4),
                ["worstRatio"] = Math.Round(WorstRatio, 4),
                ["targetRatio"] = TargetRatio,
                ["targetMet"] = MeetsTarget,
            },
            ["definition"] = MakespanDefinition,
            ["runs"] = new JsonArray([.. Runs.Select(r => (JsonNode)new JsonObject
            {
                ["run"] = r.Run,
                ["makespanModelSeconds"] = Number(r.MakespanSeconds),
                ["ratio"] = Math.Round(r.MakespanSeconds / Case.MakespanSeconds, 4),
                ["drainWallSeconds"] = Number(r.DrainSeconds),
                ["migrations"] = r.Migrations,
                ["failedMigrations"] = r.FailedMigrations,
                ["refills"] = r.Refill.Refills,
                ["refillP50WallMs"] = Number(r.Refill.Latency.P50),
                ["refillP99WallMs"] = Number(r.Refill.Latency.P99),
                ["idleGapModelSecondsPerSlot"] = Number(GapSecondsPerSlot(r)),
                ["limitViolations"] = r.LimitViolations,
                ["vmiLosses"] = r.VmiLosses,
                ["loadBefore"] = new JsonArray([.. r.LoadBefore.Select(l => (JsonNode)l)]),
                ["loadAfter"] = new JsonArray([.. r.LoadAfter.Select(l => (JsonNode)l)]),
            })]),
        };
        return document.ToJsonString(Indented) + "\n";
    }

    public string RenderMarkdown()
    {
        var md = new StringBuilder();
        Line(md, $"# A bench scenario end to end over HTTPS at speed {Speed} (issue 16, point 1)");
        Line(md);
        Line(md, $"Case {Case} (nodes {string.Join(", ", Case.Nodes)}; hint annotations {(Case.Informed ? "published" : "not published")}), ");
        Line(md, $"drained by `drainctl drain` (the engine, real PostgreSQL) against `drain-sim --speed {Speed}` over HTTPS, drainctl on cluster time");
        Line(md, $"(`DRAIN_CLOCK_SPEED`, `DRAIN_CLOCK_ORIGIN`). Written {WrittenAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores.");
        Line(md);
        Line(md, $"| | makespan (model time) | ratio to virtual time |");
        Line(md, $"|---|---:|---:|");
        Line(md, $"| lower bound | {Case.LowerBoundSeconds:0.0} s | |");
        Line(md, $"| virtual time (scheduling bench) | {Case.MakespanSeconds:0.0} s | 1 |");
        Line(md, $"| end to end, median of {Runs.Count} | {MedianMakespanSeconds:0.0} s | **{MedianRatio:0.000}** (target at most {TargetRatio:0.00}: {(MeetsTarget ? "met" : "missed")}; worst run {WorstRatio:0.000}) |");
        Line(md);
        Line(md, $"| run | makespan (model) | ratio | drain (wall) | migrations (failed) | refill p50 / p99 (wall) | idle gaps per slot (model) | load 1 min before, after |");
        Line(md, $"|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in Runs)
        {
            Line(md, $"| {r.Run} | {r.MakespanSeconds:0.0} s | {r.MakespanSeconds / Case.MakespanSeconds:0.000} | {r.DrainSeconds:0.0} s | {r.Migrations} ({r.FailedMigrations}) | {r.Refill.Latency.P50:0.0} / {r.Refill.Latency.P99:0.0} ms | {GapSecondsPerSlot(r):0.0} s | {First(r.LoadBefore):0.0}, {First(r.LoadAfter):0.0} |");
        }

        Line(md);
        Line(md, $"{MakespanDefinition} A refill takes wall time (the watch event, the engine's pass, the create's round trip): at speed {Speed} each");
        Line(md, $"of its milliseconds is {Speed} ms of model time, which the virtual-time run does not have. Idle gaps per slot: every completion's");
        Line(md, $"wait for the next VMIM's creation, in model time, summed and divided by the cluster's {Case.PerCluster} slots; where the cluster limit");
        Line(md, $"binds, that is about what the engine's reaction time adds to the makespan.");
        return md.ToString();
    }

    private static double First(IReadOnlyList<double> load) => load.Count > 0 ? load[0] : double.NaN;

    private static JsonValue? Ratio(double value) => double.IsNaN(value) || double.IsInfinity(value) ? null : JsonValue.Create(Math.Round(value, 4));

    // One decimal; null where there is no number (JSON has no NaN).
    private static JsonValue? Number(double value) => double.IsNaN(value) || double.IsInfinity(value) ? null : JsonValue.Create(Math.Round(value, 1));

    private static void Line(StringBuilder md, FormattableString? text = null) =>
        md.Append(text is null ? string.Empty : text.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
