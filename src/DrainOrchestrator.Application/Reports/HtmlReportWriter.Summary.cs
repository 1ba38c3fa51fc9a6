using DrainOrchestrator.Engine.Reports;

namespace DrainOrchestrator.Application.Reports;

/// <summary>The HTML report's workflow, totals and VMs-not-moved parts.</summary>
internal static partial class HtmlReportWriter
{
    private static void WriteWorkflow(HtmlBuffer html, ReportWorkflow workflow, ReportTimeZone zone)
    {
        html.Raw("<section class=\"workflow\"><h2>Workflow ").Text(workflow.Name).Raw(" (").Text(workflow.State).Raw(")</h2><dl><dt>Definition</dt><dd>")
            .Text($"{workflow.Workflow} v{workflow.Version}").Raw("</dd><dt>Outcome</dt><dd>").Text(workflow.OutcomeReason ?? "-").Raw("</dd><dt>Cluster</dt><dd>")
            .Text(workflow.Cluster).Raw("</dd><dt>Requested by</dt><dd>").Text(workflow.RequestedBy ?? "-").Raw("</dd><dt>Started</dt><dd>")
            .Text(Both(workflow.StartedAt, zone)).Raw("</dd><dt>Finished</dt><dd>").Text(Both(workflow.FinishedAt, zone)).Raw("</dd></dl><h3>Steps</h3>")
            .Raw("<table><thead><tr><th scope=\"col\">Step</th><th scope=\"col\">Kind</th><th scope=\"col\">State</th><th scope=\"col\">Started</th><th scope=\"col\">Finished</th></tr></thead><tbody>");
        foreach (var step in workflow.Steps)
        {
            html.Raw("<tr>").Cell(step.Key).Cell(step.Kind).Cell(step.State).Cell(Both(step.StartedAt, zone)).Cell(Both(step.FinishedAt, zone)).Raw("</tr>");
        }

        html.Raw("</tbody></table>");
        WriteActions(html, workflow.Actions, zone);
        html.Raw("</section>\n");
    }

    private static void WriteTotals(HtmlBuffer html, ReportTotals totals)
    {
        html.Raw("<section class=\"totals\"><h2>Totals</h2>");
        foreach (var (name, rows) in new[] { ("source node", totals.ByNode), ("namespace", totals.ByNamespace), ("outcome", totals.ByOutcome) })
        {
            html.Raw("<table><caption>Per ").Raw(name).Raw("</caption><thead><tr><th scope=\"col\">").Raw(name)
                .Raw("</th><th scope=\"col\">Attempts</th><th scope=\"col\">Succeeded</th><th scope=\"col\">Failed</th><th scope=\"col\">Post-copy</th></tr></thead><tbody>");
            foreach (var t in rows)
            {
                html.Raw("<tr>").Cell(t.Key).Raw("<td class=\"num\">").Number(t.Attempts, "0").Raw("</td><td class=\"num\">").Number(t.Succeeded, "0")
                    .Raw("</td><td class=\"num\">").Number(t.Failed, "0").Raw("</td><td class=\"num\">").Number(t.PostCopy, "0").Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        html.Raw("</section>\n");
    }

    private static async Task WriteUnmovedAsync(HtmlBuffer html, DrainReport report, ReportTimeZone zone, CancellationToken cancellationToken)
    {
        if (report.NotMoved.Count > 0)
        {
            html.Raw("<h3>Not moved</h3><table><thead><tr><th scope=\"col\">VM</th><th scope=\"col\">Node</th><th scope=\"col\">Disposition</th><th scope=\"col\">Reason</th></tr></thead><tbody>");
            foreach (var u in report.NotMoved)
            {
                html.Raw("<tr>").Cell(u.Vmi).Cell(u.Node).Cell(u.Disposition).Cell(u.Reason).Raw("</tr>");
                await html.FlushIfFullAsync(cancellationToken);
            }

            html.Raw("</tbody></table>");
        }

        for (var i = 0; i < report.Windows.Count; i++)
        {
            var w = report.Windows[i];
            html.Raw("<p>Maintenance window ").Number(i + 1, "0").Raw(": ").Text(Both(w.Start, zone)).Raw(" to ").Text(Both(w.End, zone)).Raw(", ")
                .Number(w.Started, "0").Raw(" started, ").Number(w.Moved, "0").Raw(" moved, ").Number(w.HeldBack, "0").Raw(" held back")
                .Raw(w.Suspended ? ", suspended at its end" : string.Empty).Raw(".</p>");
        }

        foreach (var refusal in report.Interop ?? [])
        {
            html.Raw("<p class=\"note\">Interop: ").Text(refusal).Raw("</p>");
        }
    }
}
