using System.Text.Json;
using System.Text.Json.Serialization;
using DrainOrchestrator.Scale.Bench.Measuring;

namespace DrainOrchestrator.Scale.Bench.Results;

/// <summary>The results as JSON (times in milliseconds, allocations in KiB or MiB as named).</summary>
internal static class ScaleJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write(ScaleReport report) => JsonSerializer.Serialize(new
    {
        benchmark = "scale",
        quick = report.Quick,
        coreOptimized = report.CoreOptimized,
        runtime = report.Runtime,
        wallSeconds = Math.Round(report.WallSeconds, 1),
        loadAtStart = Load(report.LoadAtStart),
        loadAtEnd = Load(report.LoadAtEnd),
        targets = new
        {
            planningMilliseconds = ScaleReport.PlanningTarget.TotalMilliseconds,
            decisionMilliseconds = ScaleReport.DecisionTarget.TotalMilliseconds,
        },
        decisionsPerPhase = report.DecisionsPerPhase,
        sizes = report.Sizes.Select(s => new
        {
            nodes = s.Size.Nodes,
            vmis = s.Size.Vmis,
            drainedNodes = s.Planning.DrainedNodes,
            plannedVmis = s.Planning.PlannedVmis,
            migrations = s.Planning.Migrations,
            skipped = s.Planning.Skipped,
            waves = s.Planning.Waves,
            planning = new
            {
                coldMs = Round(s.Planning.ColdMilliseconds),
                ms = Stats(s.Planning.Milliseconds),
                cpuMs = Stats(s.Planning.CpuMilliseconds),
                allocatedMiB = Round(s.Planning.AllocatedMegabytes),
                load = Load(s.Planning.Load),
            },
            firstDecisionMs = Round(s.FirstDecisionMilliseconds),
            decisions = s.Decisions.Select(d => new
            {
                phase = d.Phase,
                doneFraction = d.DoneFraction,
                remainingVmis = d.RemainingVmis,
                attempts = d.Attempts,
                starts = d.Starts,
                ms = Stats(d.Milliseconds),
                cpuMs = Stats(d.CpuMilliseconds),
                floorCpuMs = Stats(d.FloorCpuMilliseconds),
                allocatedKiB = Stats(d.AllocatedKilobytes),
                load = Load(d.Load),
            }),
        }),
        growth = report.Growth().Select(g => new
        {
            from = g.From.Size.Key,
            to = g.To.Size.Key,
            scale = g.Scale,
            planningMedian = Round(g.Planning),
            decisionMedian = g.Decisions.ToDictionary(d => d.Phase, d => Round(d.Ratio)),
            decisionCpuMedian = g.Decisions.ToDictionary(d => d.Phase, d => Round(d.CpuRatio)),
            floorCpuMedian = g.Decisions.ToDictionary(d => d.Phase, d => Round(d.FloorRatio)),
        }),
        report = report.Report is not { } r ? null : new
        {
            database = r.Database,
            data = r.Data,
            loadSeconds = Round(r.LoadSeconds),
            readMs = Stats(r.Read),
            readAllocatedMiB = Round(r.ReadAllocatedMegabytes),
            readParts = r.ReadParts.Select(p => new { part = p.Part, rows = p.Rows, ms = Stats(p.Milliseconds) }),
            formats = r.Formats.Select(f => new
            {
                format = f.Format,
                ms = Stats(f.Milliseconds),
                writeMs = Round(f.WriteMilliseconds),
                allocatedMiB = Round(f.AllocatedMegabytes),
                outputBytes = f.OutputBytes,
                peakWorkingSetMiB = Round(f.PeakWorkingSetMegabytes),
                peakRiseMiB = Round(f.PeakRiseMegabytes),
                peakHeapMiB = Round(f.PeakHeapMegabytes),
                processMs = Round(f.ProcessMilliseconds),
                processPeakResidentMiB = Round(f.ProcessPeakResidentMegabytes),
            }),
            load = Load(r.Load),
        },
    }, Options);

    private static object Stats(Samples s) => new
    {
        count = s.Count,
        best = Round(s.Best),
        median = Round(s.Median),
        p90 = Round(s.P90),
        p99 = Round(s.P99),
        worst = Round(s.Worst),
        mean = Round(s.Mean),
    };

    private static object Load(MachineLoad load) => new
    {
        oneMinute = load.OneMinute,
        fiveMinutes = load.FiveMinutes,
        fifteenMinutes = load.FifteenMinutes,
        cores = load.Cores,
    };

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, value >= 100 ? 1 : 3) : value;
}
