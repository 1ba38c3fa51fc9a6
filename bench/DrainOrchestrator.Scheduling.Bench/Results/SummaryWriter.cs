using System.Globalization;
using System.Text;

namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>The markdown summary: the results table, the targets met or missed, the bound's formula, the charts.</summary>
internal static class SummaryWriter
{
    /// <param name="report">The scheduling results.</param>
    /// <param name="directory">The results folder, where the orchestration bench's headline is read from (null: none).</param>
    public static string Render(BenchReport report, string? directory = null)
    {
        var md = new StringBuilder();
        md.AppendLine("# Scheduling quality in virtual time").AppendLine();
        md.AppendLine(F($"Written by `scripts/bench.sh{(report.Quick ? " --quick" : "")}` ({(report.Quick ? "reduced" : "full")} run, {report.Cases.Count} cases).")
            + " The production engine (`DrainRunner`: Core's planner and scheduler in the migrate loop, journaling to PostgreSQL),")
            .AppendLine("drives the simulated KubeVirt cluster")
            .AppendLine("(`Simulator.Cluster`) in virtual time (the engine's clock is the model's); \"KubeVirt alone\" creates every VMIM at once, unpinned, and lets the model's")
            .AppendLine("admission and scheduler-like placement decide. Times are model seconds; counts and bytes come from the simulator's")
            .AppendLine("ground truth. " + (report.Informed
                ? "Core is given each node's NIC bandwidth and each guest's dirty rate (the engine reads them from the operator's annotations when set),"
                    + " and the scenario's target start-up as the operator's policy setting (`targetStartupSeconds`)."
                : "Core is given no NIC bandwidths, no dirty rates and no target start-up, as the engine maps a cluster without the annotations (`--blind`)."))
            .AppendLine();
        Table(md, report.Cases);
        Targets(md, report.Cases);
        FamilySection.Append(md, report.Cases);
        Blind(md, report.Cases, report.BlindCases);
        OrchestrationSection.Append(md, directory, report.Quick);
        BoundText.Write(md);
        md.AppendLine("## Charts").AppendLine();
        md.AppendLine($"![makespan against the lower bound and KubeVirt alone]({report.Prefix}-makespan.svg)").AppendLine();
        foreach (var (scenario, _) in report.TimelineRuns())
        {
            md.AppendLine($"![migrations per node over time, scenario {scenario}]({report.Prefix}-timeline-{scenario}.svg)").AppendLine();
        }

        Scenarios(md, report.Cases);
        return md.ToString();
    }

    private static void Table(StringBuilder md, IReadOnlyList<CaseResult> cases)
    {
        md.AppendLine("Pairs read orchestrator / KubeVirt alone. `*` marks a run that did not finish (VMIs left on a drained node).").AppendLine();
        md.AppendLine("| scenario | limits | makespan | lower bound (binding term) | ratio | KubeVirt alone | migrations/VM | failed attempts | post-copy | bytes moved (GB) |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in cases)
        {
            var o = c.Orchestrator;
            var k = c.KubeVirtAlone;
            md.AppendLine(F($"| ({c.Entry.Id}) {c.Entry.Title} | {c.Limits.Name} {c.Limits.PerCluster}/{c.Limits.PerNode} | {o.MakespanSeconds:0.0} s{Star(o)} | {c.Bound.Seconds:0.0} s ({c.Bound.Binding}) | {c.Ratio:0.000} | {k.MakespanSeconds:0.0} s{Star(k)} | {o.MigrationsPerVm:0.000} / {k.MigrationsPerVm:0.000} | {o.FailedAttempts} / {k.FailedAttempts} | {o.PostCopy} / {k.PostCopy} | {o.BytesMoved / 1e9:0.0} / {k.BytesMoved / 1e9:0.0} |"));
        }

        md.AppendLine();
    }

    private static void Targets(StringBuilder md, IReadOnlyList<CaseResult> cases)
    {
        md.AppendLine("## Targets").AppendLine();
        var misses = cases.Where(c => !c.MeetsBound).ToList();
        md.AppendLine(F($"- Makespan at most {CaseResult.BoundTarget:0.00} × the lower bound: met in {cases.Count - misses.Count} of {cases.Count} cases.")
            + (misses.Count == 0 ? "" : " Missed: " + string.Join("; ", misses.Select(c =>
                F($"({c.Entry.Id}) {c.Limits.Name} at {c.Ratio:0.000} × ({(c.Ratio / CaseResult.BoundTarget - 1) * 100:0.0}% over the target)"))) + "; see the scenario notes below."));
        var notWorse = cases.Count(c => c.NotWorseThanKubeVirt);
        var better = cases.Where(c => !c.KubeVirtAlone.Complete || c.Speedup >= 1.05
            || c.Orchestrator.MigrationsPerVm < c.KubeVirtAlone.MigrationsPerVm - 0.01).ToList();
        md.AppendLine(F($"- Never worse than KubeVirt alone: {notWorse} of {cases.Count} cases. Measurably better (at least 5% sooner, fewer migrations per VM, or KubeVirt alone did not finish): ")
            + (better.Count == 0 ? "none." : string.Join("; ", better.Select(Better)) + "."));
        foreach (var c in cases.Where(c => c.Entry.Rolling))
        {
            md.AppendLine(F($"- Rolling drain ({c.Entry.Id}) {c.Limits.Name}: {c.Orchestrator.MigrationsPerVm:0.000} migrations per VM (target at most {CaseResult.RollingTarget:0.00}; KubeVirt alone {c.KubeVirtAlone.MigrationsPerVm:0.000}): {(c.MeetsRolling == true ? "met" : "missed")}."));
        }

        var violations = cases.Sum(c => c.Orchestrator.LimitViolations + c.KubeVirtAlone.LimitViolations);
        md.AppendLine($"- KubeVirt limits exceeded in the ground truth: {violations} times.").AppendLine();
    }

    private static void Blind(StringBuilder md, IReadOnlyList<CaseResult> informed, IReadOnlyList<CaseResult> cases)
    {
        if (cases.Count == 0)
        {
            return;
        }

        md.AppendLine("## The same drains without NIC bandwidths and dirty rates").AppendLine();
        md.AppendLine("The engine reads NIC bandwidths and dirty rates from the annotations `drain-orchestrator.io/migration-bandwidth` (Node) and");
        md.AppendLine("`drain-orchestrator.io/dirty-rate` (VMI) when operators set them; without them Core assumes 10 Gbit/s and 10 MB/s for every");
        md.AppendLine("node and guest. The policy sets no target start-up either: the engine starts from its default (10 s) and learns the");
        md.AppendLine("cluster's from its own migrations (docs/learned-inputs.md). With that mapping (`--blind`) the orchestrator's runs are");
        md.AppendLine(F($"(\"to informed\": blind makespan over the informed one of the same case, target at most {CaseResult.BlindTarget:0.00}):")).AppendLine();
        md.AppendLine("| scenario | limits | makespan | ratio to the bound | to informed | KubeVirt alone | failed attempts | post-copy | bytes moved (GB) |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        var misses = new List<string>();
        var slower = new List<string>();
        foreach (var (c, i) in cases.Zip(informed))
        {
            var o = c.Orchestrator;
            var toInformed = o.MakespanSeconds / i.Orchestrator.MakespanSeconds;
            if (!o.Complete || toInformed > CaseResult.BlindTarget)
            {
                misses.Add(F($"({c.Entry.Id}) {c.Limits.Name} at {toInformed:0.000} ×"));
            }

            if (!c.NotWorseThanKubeVirt)
            {
                slower.Add(F($"({c.Entry.Id}) {c.Limits.Name}: {o.MakespanSeconds:0.0} s against {c.KubeVirtAlone.MakespanSeconds:0.0} s"));
            }

            md.AppendLine(F($"| ({c.Entry.Id}) {c.Entry.Title} | {c.Limits.Name} {c.Limits.PerCluster}/{c.Limits.PerNode} | {o.MakespanSeconds:0.0} s{Star(o)} | {c.Ratio:0.000} | {toInformed:0.000} | {c.KubeVirtAlone.MakespanSeconds:0.0} s{Star(c.KubeVirtAlone)} | {o.FailedAttempts} | {o.PostCopy} | {o.BytesMoved / 1e9:0.0} |"));
        }

        md.AppendLine();
        md.AppendLine(F($"- Blind at most {CaseResult.BlindTarget:0.00} × informed: met in {cases.Count - misses.Count} of {cases.Count} cases.")
            + (misses.Count == 0 ? string.Empty : " Missed: " + string.Join("; ", misses) + "."));
        md.AppendLine(F($"- Blind never slower than KubeVirt alone: {cases.Count - slower.Count} of {cases.Count} cases.")
            + (slower.Count == 0 ? string.Empty : " Slower: " + string.Join("; ", slower) + "."));
        md.AppendLine();
    }

    private static string Better(CaseResult c) => !c.KubeVirtAlone.Complete
        ? F($"({c.Entry.Id}) {c.Limits.Name}: KubeVirt alone left {c.KubeVirtAlone.Left} VMIs after {c.KubeVirtAlone.FailedAttempts} failed attempts")
        : F($"({c.Entry.Id}) {c.Limits.Name}: {(1 - (1 / c.Speedup)) * 100:0.0}% sooner") + (c.Orchestrator.MigrationsPerVm < c.KubeVirtAlone.MigrationsPerVm - 0.01
            ? F($", {c.Orchestrator.MigrationsPerVm:0.000} against {c.KubeVirtAlone.MigrationsPerVm:0.000} migrations per VM")
            : "");

    private static void Scenarios(StringBuilder md, IReadOnlyList<CaseResult> cases)
    {
        md.AppendLine("## Scenarios").AppendLine();
        foreach (var c in cases.GroupBy(c => c.Entry.Id).Select(g => g.First()))
        {
            var batches = c.Entry.ExpandedBatches();
            md.AppendLine(F($"- ({c.Entry.Id}) `bench/scenarios/{c.Entry.File}`, {c.Orchestrator.VmisToMove} VMIs to move from {batches.Sum(b => b.Count)} nodes in {batches.Count} batch{(batches.Count == 1 ? "" : "es")}. {c.Entry.Notes?.Trim()}"));
        }

        md.AppendLine();
    }

    private static string Star(RunResult run) => run.Complete ? "" : "*";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
