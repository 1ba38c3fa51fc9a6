using System.Globalization;
using DrainOrchestrator.Engine.Policy;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Application.Reports;

/// <summary>The tables of the HTML report.</summary>
internal static partial class HtmlReportWriter
{
    private static void WritePolicy(HtmlBuffer html, string policyJson)
    {
        html.Raw("<h3>Policy in force</h3>");
        Core.Policy.DrainPolicy policy;
        try
        {
            policy = PolicyDocument.Read(policyJson);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            html.Raw("<p class=\"note\">The stored policy is unreadable (").Text(e.Message).Raw("); as stored:</p><pre>").Text(policyJson).Raw("</pre>");
            return;
        }

        html.Raw("<table><thead><tr><th scope=\"col\">Setting</th><th scope=\"col\">Option</th><th scope=\"col\">Value</th></tr></thead><tbody>");
        foreach (var field in PolicyFields.All)
        {
            html.Raw("<tr>").Cell(field.Wire).Cell(field.Option).Cell(field.Show(policy)).Raw("</tr>");
        }

        html.Raw("</tbody></table>\n");
    }

    private static void WriteActions(HtmlBuffer html, IReadOnlyList<ReportAction> actions, ReportTimeZone zone)
    {
        html.Raw("<h3>Who did what</h3>");
        if (actions.Count == 0)
        {
            html.Raw("<p class=\"note\">The journal records no request, signal or approval.</p>");
            return;
        }

        html.Raw("<table><thead><tr>").TimeHeaders("When", zone)
            .Raw("<th scope=\"col\">Action</th><th scope=\"col\">By</th><th scope=\"col\">Detail</th></tr></thead><tbody>");
        foreach (var a in actions)
        {
            html.Raw("<tr>").TimeCells(a.At, zone).Cell(a.Action).Cell(a.Actor).Cell(a.Detail).Raw("</tr>");
        }

        html.Raw("</tbody></table>\n");
    }

    private static async Task WriteFailuresAsync(HtmlBuffer html, DrainReport report, ReportTimeZone zone, CancellationToken cancellationToken)
    {
        var failed = report.Attempts.Where(a => a.Outcome is AttemptOutcome.Failed or AttemptOutcome.Aborted or AttemptOutcome.NotCreated).ToList();
        html.Raw("<h3>Failures</h3>");
        if (failed.Count == 0)
        {
            html.Raw("<p>No attempt failed.</p>");
            return;
        }

        html.Raw("<table><thead><tr><th scope=\"col\">VM</th><th scope=\"col\">Attempt</th><th scope=\"col\">Source</th><th scope=\"col\">Outcome</th>")
            .TimeHeaders("Start", zone).Raw("<th scope=\"col\">Class</th><th scope=\"col\">Reason</th></tr></thead><tbody>");
        foreach (var a in failed)
        {
            html.Raw("<tr>").Cell(a.VmiNamespace + "/" + a.VmiName).Cell(a.Attempt.ToString(CultureInfo.InvariantCulture)).Cell(a.SourceNode)
                .Cell(a.Outcome.ToDatabase()).TimeCells(ReportAttempts.Start(a), zone)
                .Cell(a.FailureClass).Cell(a.FailureReason).Raw("</tr>");
            await html.FlushIfFullAsync(cancellationToken);
        }

        html.Raw("</tbody></table>\n");
    }

    private static void WritePostCopy(HtmlBuffer html, DrainReport report)
    {
        var postCopy = report.Attempts.Where(ReportAttempts.PostCopy).ToList();
        var moved = report.Attempts.Where(a => a.BytesProcessed is not null).ToList();
        html.Raw("<h3>Post-copy and bytes moved</h3><p>").Number(postCopy.Count, "0").Raw(" attempt(s) ran in post-copy")
            .Raw(postCopy.Count == 0 ? "." : ": ").Text(string.Join(", ", postCopy.Take(50).Select(a => $"{a.VmiNamespace}/{a.VmiName} #{a.Attempt}")))
            .Raw(postCopy.Count > 50 ? " and more (see the wave tables)." : string.Empty).Raw("</p><p>");
        if (moved.Count == 0)
        {
            html.Raw("Bytes moved: not recorded for these attempts.</p>\n");
            return;
        }

        html.Raw("Bytes moved: ").Number(moved.Sum(a => (double)a.BytesProcessed!.Value) / 1048576.0, "#,0.0").Raw(" MiB over ")
            .Number(moved.Count, "0").Raw(" attempt(s) that recorded it.</p>\n");
    }

    private static async Task WriteWavesAsync(HtmlBuffer html, DrainReport report, ReportTimeZone zone, CancellationToken cancellationToken)
    {
        html.Raw("<h3>Waves</h3>");
        var byWave = report.Attempts.ToLookup(a => a.IsRestart ? 0 : a.WaveNumber);
        foreach (var wave in report.Waves)
        {
            html.Raw("<h4>Wave ").Number(wave.WaveNumber, "0").Raw("</h4><p>").Text(wave.Mode).Raw(", ").Number(wave.PlannedSize, "0").Raw(" planned, limit ")
                .Number(wave.ClusterLimit, "0").Raw("; started ").Text(Both(wave.StartedAt, zone)).Raw(", finished ").Text(Both(wave.FinishedAt, zone)).Raw("</p>");
            await WriteAttemptTableAsync(html, report, byWave[wave.WaveNumber], wave.WaveNumber, zone, cancellationToken);
        }

        if (byWave[0].Any())
        {
            html.Raw("<h4>Restarts (shut down, started elsewhere by the run strategy)</h4>");
            await WriteAttemptTableAsync(html, report, byWave[0], 0, zone, cancellationToken);
        }
    }

    private static async Task WriteAttemptTableAsync(HtmlBuffer html, DrainReport report, IEnumerable<AttemptRecord> attempts, int wave, ReportTimeZone zone,
        CancellationToken cancellationToken)
    {
        html.Raw("<table class=\"wave-table\" data-wave=\"").Number(wave, "0").Raw("\"><thead><tr><th scope=\"col\">VM</th><th scope=\"col\">#</th>")
            .Raw("<th scope=\"col\">Source</th><th scope=\"col\">Target</th><th scope=\"col\">Outcome</th><th scope=\"col\">Mode</th>")
            .TimeHeaders("Start", zone).Raw("<th scope=\"col\">Duration s</th>")
            .Raw("<th scope=\"col\">Predicted s</th><th scope=\"col\">MiB moved</th><th scope=\"col\">Network</th></tr></thead><tbody>");
        foreach (var a in attempts)
        {
            var predicted = ReportAttempts.Predicted(report, a);
            html.Raw("<tr>").Cell(a.VmiNamespace + "/" + a.VmiName).Cell(a.Attempt.ToString(CultureInfo.InvariantCulture)).Cell(a.SourceNode).Cell(a.TargetNode)
                .Cell(a.Outcome.ToDatabase()).Cell(ReportAttempts.Mode(a) + (a.PostCopy && !string.Equals(a.Mode, "PostCopy", StringComparison.Ordinal) ? " (post-copy)" : string.Empty))
                .TimeCells(ReportAttempts.Start(a), zone)
                .Raw("<td class=\"num\">").Text(Seconds(ReportAttempts.DurationSeconds(a)) ?? "-").Raw("</td><td class=\"num\">").Text(Seconds(predicted?.Seconds) ?? "-")
                .Raw("</td><td class=\"num\">").Text(a.BytesProcessed is { } b ? (b / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) : "-").Raw("</td>")
                .Cell(ReportAttempts.Network(a) ?? "-").Raw("</tr>");
            await html.FlushIfFullAsync(cancellationToken);
        }

        html.Raw("</tbody></table>\n");
    }
}
