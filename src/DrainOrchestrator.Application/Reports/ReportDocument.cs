using DrainOrchestrator.Engine.Reports;

namespace DrainOrchestrator.Application.Reports;

/// <summary>
/// A report as every format renders it: the drains it covers (for a period, only their waves completed in it), and the
/// workflow instance or period it is about.
/// </summary>
/// <param name="Kind"><c>drain</c>, <c>workflow</c> or <c>period</c>.</param>
/// <param name="Title">What it is about, in a line.</param>
/// <param name="GeneratedAt">When it was read.</param>
/// <param name="Drains">The drains, oldest first.</param>
public sealed record ReportDocument(string Kind, string Title, DateTimeOffset GeneratedAt, IReadOnlyList<DrainReport> Drains)
{
    /// <summary>The version of the JSON layout (docs/schemas/report.schema.json); raised on any incompatible change.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The workflow instance, for a workflow report.</summary>
    public ReportWorkflow? Workflow { get; init; }

    /// <summary>The period, for a period report.</summary>
    public ReportPeriod? Period { get; init; }

    /// <summary>A file name for the rendered report, e.g. <c>drain-d1-report.html</c>.</summary>
    public string FileName(ReportFormat format)
    {
        var name = Kind switch
        {
            "period" when Period is { } p => $"period-{p.From.UtcDateTime:yyyyMMdd'T'HHmm}-{p.To.UtcDateTime:yyyyMMdd'T'HHmm}",
            "workflow" when Workflow is { } w => "workflow-" + w.Name,
            _ => "drain-" + (Drains.Count > 0 ? Drains[0].Drain.Name : "none"),
        };
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return $"{safe}-report.{format.Extension()}";
    }
}
