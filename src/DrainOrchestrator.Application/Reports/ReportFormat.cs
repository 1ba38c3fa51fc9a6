namespace DrainOrchestrator.Application.Reports;

/// <summary>How a report is rendered.</summary>
public enum ReportFormat
{
    /// <summary>Plain lines for a terminal.</summary>
    Table,

    /// <summary>One self-contained, printable HTML file with an SVG timeline.</summary>
    Html,

    /// <summary>JSON as docs/schemas/report.schema.json publishes it.</summary>
    Json,

    /// <summary>One row per migration attempt.</summary>
    Csv,
}
