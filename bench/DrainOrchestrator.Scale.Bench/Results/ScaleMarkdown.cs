using System.Globalization;
using System.Text;

namespace DrainOrchestrator.Scale.Bench.Results;

/// <summary>The results as a markdown summary.</summary>
internal static class ScaleMarkdown
{
    public static string Write(ScaleReport report)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"# Scale: planning, scheduling decisions and the report");
        text.AppendLine();
        Line($"Written by `scripts/bench.sh` ({(report.Quick ? "reduced run" : "full run")}; Core {(report.CoreOptimized ? "optimized" : "NOT optimized: a Debug build")}, {report.Runtime}).");
        Line($"Synthetic clusters (`bench/DrainOrchestrator.Scale.Bench/Clusters/ClusterGenerator.cs`, seeded): about 20 VMIs per node, zone");
        Line($"selectors, node affinity, tolerations, tainted nodes, unknown NICs, high dirty rates, VMs that cannot live-migrate;");
        Line($"10% of the nodes drained, KubeVirt's limits (5 per cluster, 2 per node), rolling waves, non-migratable VMs skipped.");
        Line($"Times are wall-clock milliseconds on a shared machine: {report.LoadAtStart} at the start, {report.LoadAtEnd.OneMinute:0.00} at the end");
        Line($"(each table gives the load it was measured under); CPU is the measuring thread's own CPU time, which waiting for a");
        Line($"core does not inflate. Run in {report.WallSeconds:0} s.");
        text.AppendLine();

        Line($"## Planning (`DrainPlanner.Plan`)");
        text.AppendLine();
        Line($"| cluster | drained nodes | VMIs on them | migrations | waves | median | best | median CPU | first (cold) | allocated | load (1 min) |");
        Line($"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Sizes)
        {
            var p = s.Planning;
            Line($"| {s.Size.Label} | {p.DrainedNodes} | {p.PlannedVmis} | {p.Migrations} | {p.Waves} | {Ms(p.Milliseconds.Median)} | {Ms(p.Milliseconds.Best)} | {Ms(p.CpuMilliseconds.Median)} | {Ms(p.ColdMilliseconds)} | {p.AllocatedMegabytes:0.0} MiB | {p.Load.OneMinute:0.0} |");
        }

        text.AppendLine();
        Line($"Target (issue 5): 5,000 nodes and 100,000 VMIs planned in under {ScaleReport.PlanningTarget.TotalSeconds:0} s.");
        text.AppendLine();

        Line($"## Scheduler decisions (`DrainScheduler.Decide`)");
        text.AppendLine();
        Line($"One decision per event as the engine makes them, measured at the start of the drain, mid-drain (half the migrations");
        Line($"finished, a full set in flight) and near the end (2% left): runs of {Decisions.DecisionBenchmark.StepsPerRun} consecutive events from each point,");
        Line($"{report.DecisionsPerPhase} decisions per phase. Allocated: bytes allocated by the call (median). Floor CPU: reading the uid of");
        Line($"every VMI and every attempt once on the same states (median), the least any decision must do; the rest is the");
        Line($"scheduler's own work.");
        text.AppendLine();
        Line($"| cluster | phase | remaining VMIs | attempts read | median | p90 | p99 | median CPU | p99 CPU | floor CPU | allocated | load (1 min) |");
        Line($"|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Sizes)
        {
            foreach (var d in s.Decisions)
            {
                Line($"| {s.Size.Label} | {d.Phase} | {d.RemainingVmis} | {d.Attempts} | {Ms(d.Milliseconds.Median)} | {Ms(d.Milliseconds.P90)} | {Ms(d.Milliseconds.P99)} | {Ms(d.CpuMilliseconds.Median)} | {Ms(d.CpuMilliseconds.P99)} | {Ms(d.FloorCpuMilliseconds.Median)} | {Kib(d.AllocatedKilobytes.Median)} | {d.Load.OneMinute:0.0} |");
            }
        }

        text.AppendLine();
        Line($"The first decision on a plan instance builds the scheduler's per-plan index once: {string.Join("; ", report.Sizes.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Size.Label}: {Ms(s.FirstDecisionMilliseconds)}")))}.");
        Line($"Target: a decision over 10,000 remaining VMIs well under {ScaleReport.DecisionTarget.TotalMilliseconds:0} ms (the slot refill budget is p99 < 100 ms end to end).");
        text.AppendLine();

        var growth = report.Growth().ToList();
        if (growth.Count > 0)
        {
            Line($"## Growth");
            text.AppendLine();
            Line($"Median time of the larger cluster over the smaller's; linear growth is the VMI ratio. Per decision phase: wall");
            Line($"clock / CPU / the floor's CPU. The floor does the same trivial work per VMI at both sizes: how far its ratio exceeds");
            Line($"the VMI ratio is what caches and memory make of the larger data, not the algorithm.");
            text.AppendLine();
            Line($"| from | to | VMIs × | planning × | {string.Join(" | ", growth[0].Decisions.Select(d => "decision at " + d.Phase + " ×"))} |");
            Line($"|---|---|---:|---:|{string.Concat(growth[0].Decisions.Select(_ => "---:|"))}");
            foreach (var g in growth)
            {
                Line($"| {g.From.Size.Label} | {g.To.Size.Label} | {g.Scale:0.0} | {g.Planning:0.0} | {string.Join(" | ", g.Decisions.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Ratio:0.0} / {d.CpuRatio:0.0} / {d.FloorRatio:0.0}")))} |");
            }

            text.AppendLine();
        }

        if (report.Report is { } r)
        {
            Line($"## Report (`drainctl report DRAIN --format table|json|csv|html`)");
            text.AppendLine();
            Line($"A finished drain of {r.Data.Attempts:N0} migration attempts ({r.Data.Vmis:N0} VMs, {r.Data.Waves:N0} waves, {r.Data.Skipped:N0} skipped VMs,");
            Line($"{r.Data.JournalEntries:N0} journal entries) COPYed into a fresh database with the real schema ({r.Database}; loaded in {r.LoadSeconds:0.0} s).");
            Line($"drainctl's `report` command runs in-process: open the database, check the schema, find the drain, read, write to a null");
            Line($"stream through an auto-flushing synchronized writer as Console.Out is. Read: `DrainReportReader.ReadAsync` alone.");
            text.AppendLine();
            Line($"Peak: the process's highest working set during a run (it holds the bench's own state too), its rise over the level before");
            Line($"the run, and the largest managed heap. Then drainctl as its own process, as an operator runs it (`dotnet drainctl.dll report ...`,");
            Line($"the password in DRAIN_DB_PASSWORD): its wall time, start-up included, and its peak resident set (VmHWM from /proc).");
            Line($"Target (issue 14): the HTML report of 100,000 migrations in under 5 s and under 300 MB.");
            text.AppendLine();
            Line($"| step | median | best | allocated | output | peak working set (rise) | peak heap | own process: wall | own process: peak RSS |");
            Line($"|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            Line($"| read (waves, attempts, journal) | {Ms(r.Read.Median)} | {Ms(r.Read.Best)} | {r.ReadAllocatedMegabytes:0} MiB | | | | | |");
            foreach (var p in r.ReadParts)
            {
                Line($"| … of which {p.Part} ({p.Rows:N0} rows) | {Ms(p.Milliseconds.Median)} | {Ms(p.Milliseconds.Best)} | | | | | | |");
            }

            foreach (var f in r.Formats)
            {
                Line($"| drainctl report --format {f.Format} | {Ms(f.Milliseconds.Median)} | {Ms(f.Milliseconds.Best)} | {f.AllocatedMegabytes:0} MiB | {f.OutputBytes / 1048576.0:0.0} MiB | {f.PeakWorkingSetMegabytes:0} MiB (+{f.PeakRiseMegabytes:0}) | {f.PeakHeapMegabytes:0} MiB | {Ms(f.ProcessMilliseconds)} | {f.ProcessPeakResidentMegabytes:0} MiB |");
            }

            text.AppendLine();
            Line($"Machine: {r.Load} when this part ended.");
        }

        return text.ToString();
    }

    private static string Ms(double value) => value switch
    {
        >= 1000 => string.Create(CultureInfo.InvariantCulture, $"{value / 1000:0.00} s"),
        >= 100 => string.Create(CultureInfo.InvariantCulture, $"{value:0} ms"),
        >= 10 => string.Create(CultureInfo.InvariantCulture, $"{value:0.0} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value:0.00} ms"),
    };

    private static string Kib(double value) => value >= 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{value / 1024:0.0} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{value:0} KiB");
}
