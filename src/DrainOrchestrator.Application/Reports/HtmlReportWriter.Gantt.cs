using System.Globalization;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Application.Reports;

/// <summary>The SVG Gantt: one lane per source node, one bar per attempt, the waves as bands behind them.</summary>
internal static partial class HtmlReportWriter
{
    private const double Label = 160;
    private const double Plot = 1000;
    private const double Lane = 16;
    private const double Top = 24;

    private static async Task WriteGanttAsync(HtmlBuffer html, DrainReport report, CancellationToken cancellationToken)
    {
        html.Raw("<h3>Timeline</h3>");
        if (report.Attempts.Count == 0)
        {
            html.Raw("<p class=\"note\">No migration attempts.</p>");
            return;
        }

        var lanes = report.Attempts.Select(a => a.SourceNode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((node, i) => (node, i)).ToDictionary(p => p.node, p => p.i, StringComparer.Ordinal);
        var t0 = report.Attempts.Min(ReportAttempts.Start);
        var t1 = report.Attempts.Max(a => ReportAttempts.End(a) ?? ReportAttempts.Start(a));
        var span = Math.Max((t1 - t0).TotalSeconds, 1);
        double X(DateTimeOffset at) => Label + (Math.Clamp((at - t0).TotalSeconds, 0, span) / span * Plot);
        var height = Top + (lanes.Count * Lane) + 4;
        html.Raw("<svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").Number(Label + Plot + 10, "0")
            .Raw(" ").Number(height, "0").Raw("\"><title>Migrations per source node over time</title>");
        WriteAxis(html, t0, span, height);
        foreach (var wave in report.Waves)
        {
            if (wave.StartedAt is not { } start)
            {
                continue;
            }

            var end = wave.FinishedAt ?? t1;
            html.Raw("<rect class=\"wave\" data-wave=\"").Number(wave.WaveNumber, "0").Raw("\" x=\"").Number(X(start), "0.#").Raw("\" y=\"").Number(Top, "0")
                .Raw("\" width=\"").Number(Math.Max(X(end) - X(start), 0.5), "0.#").Raw("\" height=\"").Number(lanes.Count * Lane, "0")
                .Raw("\"><title>Wave ").Number(wave.WaveNumber, "0").Raw("</title></rect>");
        }

        foreach (var (node, lane) in lanes)
        {
            html.Raw("<text x=\"4\" y=\"").Number(Top + (lane * Lane) + 12, "0").Raw("\">").Text(node).Raw("</text>");
        }

        foreach (var a in report.Attempts)
        {
            var start = ReportAttempts.Start(a);
            var end = ReportAttempts.End(a) ?? t1;
            html.Raw("<rect class=\"attempt\" data-attempt=\"").Number(a.Id, "0").Raw("\" data-outcome=\"").Raw(a.Outcome.ToDatabase())
                .Raw("\" data-mode=\"").Raw(ModeWord(a)).Raw("\" data-wave=\"").Number(a.WaveNumber, "0").Raw("\" x=\"").Number(X(start), "0.#")
                .Raw("\" y=\"").Number(Top + (lanes[a.SourceNode] * Lane) + 2, "0").Raw("\" width=\"").Number(Math.Max(X(end) - X(start), 1), "0.#")
                .Raw("\" height=\"").Number(Lane - 4, "0").Raw("\"><title>").Text(a.VmiNamespace + "/" + a.VmiName).Raw(" #").Number(a.Attempt, "0")
                .Raw(": ").Text(a.SourceNode).Raw(" → ").Text(a.TargetNode ?? "-").Raw(", ").Raw(a.Outcome.ToDatabase()).Raw(", ").Raw(ModeWord(a))
                .Raw(", wave ").Number(a.WaveNumber, "0").Raw(", ").Text(ReportAttempts.DurationSeconds(a) is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "unfinished")
                .Raw("</title></rect>");
            await html.FlushIfFullAsync(cancellationToken);
        }

        html.Raw("</svg>\n");
    }

    private static void WriteAxis(HtmlBuffer html, DateTimeOffset t0, double span, double height)
    {
        for (var i = 0; i <= 4; i++)
        {
            var x = Label + (i * Plot / 4);
            html.Raw("<line class=\"axis\" x1=\"").Number(x, "0.#").Raw("\" x2=\"").Number(x, "0.#").Raw("\" y1=\"").Number(Top - 4, "0").Raw("\" y2=\"")
                .Number(height, "0").Raw("\"/><text x=\"").Number(x, "0.#").Raw("\" y=\"14\" text-anchor=\"middle\">")
                .Raw(t0.AddSeconds(span * i / 4).UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Raw("</text>");
        }
    }

    /// <summary>The mode word of the SVG contract: precopy, postcopy, or restart (a restart elsewhere is no migration).</summary>
    private static string ModeWord(AttemptRecord a) => a.IsRestart ? "restart" : ReportAttempts.PostCopy(a) ? "postcopy" : "precopy";
}
