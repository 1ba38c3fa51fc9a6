namespace DrainOrchestrator.Application.Reports;

/// <summary>How to render a report.</summary>
/// <param name="Format">The format.</param>
/// <param name="TimeZone">The reader's time zone, shown beside UTC.</param>
public sealed record ReportOptions(ReportFormat Format, ReportTimeZone TimeZone);
