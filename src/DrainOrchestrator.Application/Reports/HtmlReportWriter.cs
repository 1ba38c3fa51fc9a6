using System.Globalization;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Application.Reports;

/// <summary>
/// The report as one self-contained, printable HTML file: inline CSS, no script, no external URL. Per drain: the
/// policy in force, who did what, an SVG Gantt of the attempts per source node with the waves marked, the failures,
/// post-copy, bytes moved, and a table per wave with durations against the plan's predictions.
/// </summary>
/// <remarks>
/// The SVG is a contract (the browser tests select by it): one <c>rect class="attempt"</c> per attempt with
/// <c>data-attempt</c> (its id), <c>data-outcome</c>, <c>data-mode</c> (precopy, postcopy or restart) and a
/// <c>title</c>; one <c>rect class="wave"</c> per started wave with <c>data-wave</c>.
/// </remarks>
internal static partial class HtmlReportWriter
{
    private const string Style =
        """
        body{font:14px/1.4 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:2em;max-width:1200px}
        h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:2px solid #333;margin-top:2em}h3{font-size:1.1em;margin-top:1.5em}
        table{border-collapse:collapse;margin:.5em 0;font-size:.9em}th,td{border:1px solid #999;padding:2px 6px;text-align:left;vertical-align:top}
        th{background:#e8e8e8}td.num{text-align:right}dl{display:grid;grid-template-columns:max-content auto;gap:2px 1em}dt{font-weight:600}
        .note{color:#444;font-style:italic}svg.gantt{width:100%;height:auto;border:1px solid #999}
        svg text{font:11px sans-serif;fill:#1a1a1a}rect.attempt{fill:#2e7d32}rect.attempt[data-outcome=failed],rect.attempt[data-outcome=aborted]{fill:#c62828}
        rect.attempt[data-outcome=not_created]{fill:#757575}rect.attempt[data-mode=postcopy]{stroke:#000;stroke-width:1.5}
        rect.attempt[data-outcome=running],rect.attempt[data-outcome=created],rect.attempt[data-outcome=intended]{fill:#1565c0}
        rect.wave{fill:#1565c0;fill-opacity:.06;stroke:#1565c0;stroke-opacity:.35;stroke-width:.5}line.axis{stroke:#999}
        @media print{body{margin:0;max-width:none;font-size:10pt}section.drain{break-before:page}table{font-size:8pt}tr{break-inside:avoid}}
        """;

    public static async Task WriteAsync(ReportDocument document, ReportTimeZone zone, TextWriter output, CancellationToken cancellationToken)
    {
        var html = new HtmlBuffer(output);
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Raw("<title>").Text(document.Title).Raw("</title><style>").Raw(Style).Raw("</style></head><body>\n<header><h1>").Text(document.Title)
            .Raw("</h1><p>Report generated ").Text(Both(document.GeneratedAt, zone)).Raw(zone.IsUtc ? ". Times are given in UTC" : ". Times are given in UTC and in ").Text(zone.IsUtc ? string.Empty : zone.Id)
            .Raw(". Report format version ").Raw(ReportDocument.SchemaVersion.ToString(CultureInfo.InvariantCulture)).Raw(".</p></header>\n");
        if (!ReportAttempts.HasBytes(document.Drains))
        {
            html.Raw("<p class=\"note\">Bytes moved: the attempt records of this report hold no transfer sizes, so none are shown.</p>");
        }

        if (document.Workflow is { } workflow)
        {
            WriteWorkflow(html, workflow, zone);
        }

        if (document.Period is not null)
        {
            html.Raw("<p>").Raw(document.Drains.Count.ToString(CultureInfo.InvariantCulture)).Raw(" drain(s), ")
                .Raw(document.Drains.Sum(d => d.Waves.Count).ToString(CultureInfo.InvariantCulture)).Raw(" wave(s) completed, ")
                .Raw(document.Drains.Sum(d => d.Attempts.Count).ToString(CultureInfo.InvariantCulture))
                .Raw(" migration attempt(s). VMs a drain did not move belong to no wave: see each drain's own report.</p>");
        }

        WriteTotals(html, ReportTotals.Of(document.Drains));
        foreach (var report in document.Drains)
        {
            await WriteDrainAsync(html, report, zone, cancellationToken);
        }

        html.Raw("</body></html>\n");
        await html.FlushAsync(cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private static async Task WriteDrainAsync(HtmlBuffer html, DrainReport report, ReportTimeZone zone, CancellationToken cancellationToken)
    {
        var d = report.Drain;
        html.Raw("<section class=\"drain\" data-drain=\"").Text(d.Id.ToString("D")).Raw("\"><h2>Drain ").Text(d.Name).Raw(" (").Text(d.State.ToDatabase())
            .Raw(")</h2><dl><dt>Outcome</dt><dd>").Text(d.OutcomeReason ?? "-").Raw("</dd><dt>Cluster</dt><dd>").Text(d.Cluster)
            .Raw("</dd><dt>Nodes</dt><dd>").Text(string.Join(", ", d.Nodes.Select(n => n.NodeName))).Raw("</dd><dt>Requested by</dt><dd>").Text(d.RequestedBy ?? "-")
            .Raw("</dd><dt>Created</dt><dd>").Text(Both(d.CreatedAt, zone)).Raw("</dd><dt>Started</dt><dd>").Text(Both(d.StartedAt, zone))
            .Raw("</dd><dt>Finished</dt><dd>").Text(Both(d.FinishedAt, zone)).Raw("</dd><dt>Duration</dt><dd>")
            .Text(d.StartedAt is { } s && d.FinishedAt is { } f ? Seconds((f - s).TotalSeconds) + " s" + InsideWindows(report, s, f) : "-").Raw(" (plan predicted the migrate step at ")
            .Text(Seconds(report.PredictedMakespanSeconds) is { } p ? p + " s" : "no prediction recorded").Raw(")</dd></dl>\n");
        foreach (var line in MoveBackText.Lines(report))
        {
            html.Raw("<p class=\"moveback\">").Text(line).Raw("</p>\n");
        }

        WritePolicy(html, d.PolicyJson);
        WriteActions(html, report.Actions, zone);
        await WriteGanttAsync(html, report, cancellationToken);
        await WriteFailuresAsync(html, report, zone, cancellationToken);
        WritePostCopy(html, report);
        await WriteWavesAsync(html, report, zone, cancellationToken);
        await WriteUnmovedAsync(html, report, zone, cancellationToken);
        html.Raw("</section>\n");
    }

    // For a drain that ran in several maintenance windows: the part of its duration inside them (their union: a resume
    // with a new window end opens one that overlaps the last), counting the windows it ran in.
    private static string InsideWindows(DrainReport report, DateTimeOffset started, DateTimeOffset finished)
    {
        var spans = report.Windows
            .Select(w => (From: w.Start > started ? w.Start : started, To: w.End < finished ? w.End : finished))
            .Where(w => w.To > w.From)
            .OrderBy(w => w.From)
            .ToList();
        if (spans.Count < 2)
        {
            return string.Empty;
        }

        var (inside, reached) = (0.0, DateTimeOffset.MinValue);
        foreach (var (from, to) in spans)
        {
            var begin = from > reached ? from : reached;
            if (to > begin)
            {
                inside += (to - begin).TotalSeconds;
                reached = to;
            }
        }

        return $", of which {Seconds(inside)} s inside the {spans.Count} maintenance windows it ran in";
    }

    private static string Both(DateTimeOffset? at, ReportTimeZone zone) => at is not { } value ? "-"
        : zone.IsUtc ? ReportTimeZone.FormatUtc(value) : $"{ReportTimeZone.FormatUtc(value)} / {zone.FormatLocal(value)}";

    private static string? Seconds(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture);
}
