namespace DrainOrchestrator.Application.Reports;

/// <summary>Renders a <see cref="ReportDocument"/> in the format asked: the one rendering both front doors serve.</summary>
public static class ReportWriter
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> as it goes (a report of 100,000 migrations is never one string).</summary>
    public static Task WriteAsync(ReportDocument document, ReportOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        return options.Format switch
        {
            ReportFormat.Html => HtmlReportWriter.WriteAsync(document, options.TimeZone, output, cancellationToken),
            ReportFormat.Json => JsonReportWriter.WriteAsync(document, options.TimeZone, output, cancellationToken),
            ReportFormat.Csv => CsvReportWriter.WriteAsync(document, options.TimeZone, output, cancellationToken),
            _ => TableReportWriter.WriteAsync(document, options.TimeZone, output, cancellationToken),
        };
    }
}
