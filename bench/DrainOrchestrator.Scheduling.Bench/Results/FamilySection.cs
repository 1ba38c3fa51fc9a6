using System.Globalization;
using System.Text;

namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>
/// The summary's section on generated families (a suite entry with <c>seeds</c>): per family and limit setting, the
/// mean and the worst ratio to the lower bound and to KubeVirt alone over the seeds, naming the worst seed.
/// </summary>
internal static class FamilySection
{
    public static void Append(StringBuilder md, IReadOnlyList<CaseResult> cases)
    {
        var families = cases.Where(c => c.Entry.Family is not null).GroupBy(c => (Family: c.Entry.Family!, c.Limits.Name)).ToList();
        if (families.Count == 0)
        {
            return;
        }

        md.AppendLine("## Generated families").AppendLine();
        md.AppendLine("Each family is one generator run over several seeds (the suite's `seeds`); every member is also a row of the table above.")
            .AppendLine();
        md.AppendLine("| family | limits | seeds | makespan / bound: mean | worst (seed) | KubeVirt alone / ours: mean | worst (seed) | slower than KubeVirt alone | unfinished |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var family in families)
        {
            var runs = family.ToList();
            var worstRatio = runs.MaxBy(c => c.Ratio)!;
            var worstSpeedup = runs.MinBy(c => c.Speedup)!;
            var slower = runs.Count(c => c.Speedup < 1);
            var unfinished = runs.Count(c => !c.Orchestrator.Complete);
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| ({family.Key.Family}) {runs[0].Entry.FamilyTitle} | {family.Key.Name} | {runs.Count} | {runs.Average(c => c.Ratio):0.000} | {worstRatio.Ratio:0.000} ({worstRatio.Entry.Seed}) | {runs.Average(c => c.Speedup):0.000} | {worstSpeedup.Speedup:0.000} ({worstSpeedup.Entry.Seed}) | {slower} | {unfinished} |"));
        }

        md.AppendLine();
    }
}
