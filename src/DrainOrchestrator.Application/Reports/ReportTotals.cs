using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Application.Reports;

/// <summary>Totals of a report's migration attempts per source node, per namespace and per outcome.</summary>
public sealed record ReportTotals(IReadOnlyList<ReportTotal> ByNode, IReadOnlyList<ReportTotal> ByNamespace, IReadOnlyList<ReportTotal> ByOutcome)
{
    /// <summary>The totals over every attempt of <paramref name="drains"/>, each key in ordinal order.</summary>
    public static ReportTotals Of(IReadOnlyList<DrainReport> drains)
    {
        ArgumentNullException.ThrowIfNull(drains);
        var attempts = drains.SelectMany(d => d.Attempts).ToList();
        return new ReportTotals(By(attempts, a => a.SourceNode), By(attempts, a => a.VmiNamespace), By(attempts, a => a.Outcome.ToDatabase()));
    }

    private static List<ReportTotal> By(List<AttemptRecord> attempts, Func<AttemptRecord, string> key) =>
        [.. attempts.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ReportTotal(g.Key, g.Count(),
            g.Count(a => a.Outcome == AttemptOutcome.Succeeded), g.Count(a => a.Outcome is AttemptOutcome.Failed or AttemptOutcome.Aborted or AttemptOutcome.NotCreated),
            g.Count(ReportAttempts.PostCopy)))];
}
