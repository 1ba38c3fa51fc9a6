using System.Globalization;
using DrainOrchestrator.Application.Text;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Application.Reports;

/// <summary>The report as plain lines for a terminal; text from the cluster cannot drive the terminal.</summary>
internal static class TableReportWriter
{
    public static async Task WriteAsync(ReportDocument document, ReportTimeZone zone, TextWriter output, CancellationToken cancellationToken)
    {
        // Names and reasons come from the cluster: the table is read on a terminal.
        var terminal = new TerminalWriter(output);
        if (document.Kind != "drain")
        {
            await terminal.WriteLineAsync(document.Title + (zone == ReportTimeZone.Utc ? string.Empty : $"  (local times in {zone.Id})"));
        }

        if (document.Workflow is { } workflow)
        {
            await terminal.WriteLineAsync($"Workflow {workflow.Name} ({workflow.State}): {workflow.OutcomeReason}");
            foreach (var step in workflow.Steps)
            {
                await terminal.WriteLineAsync($"  step {step.Key,-30} {step.Kind,-12} {step.State,-10} {Time(step.StartedAt, zone)} - {Time(step.FinishedAt, zone) ?? "-"}");
            }

            await WriteActionsAsync(terminal, workflow.Actions, zone);
        }

        foreach (var report in document.Drains)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteDrainAsync(terminal, report, zone);
        }

        if (document.Period is not null)
        {
            var totals = ReportTotals.Of(document.Drains);
            foreach (var (name, rows) in new[] { ("node", totals.ByNode), ("namespace", totals.ByNamespace), ("outcome", totals.ByOutcome) })
            {
                await terminal.WriteLineAsync($"Totals per {name}");
                foreach (var t in rows)
                {
                    await terminal.WriteLineAsync($"  {t.Key,-30} {t.Attempts,7} attempt(s) {t.Succeeded,7} succeeded {t.Failed,7} failed {t.PostCopy,7} post-copy");
                }
            }
        }

        await terminal.FlushAsync(cancellationToken);
    }

    private static async Task WriteDrainAsync(TextWriter output, DrainReport report, ReportTimeZone zone)
    {
        var drain = report.Drain;
        await output.WriteLineAsync($"Drain {drain.Name} ({drain.State.ToDatabase()}): {drain.OutcomeReason}");
        foreach (var line in MoveBackText.Lines(report))
        {
            await output.WriteLineAsync(line);
        }

        await WriteActionsAsync(output, report.Actions, zone);
        for (var i = 0; i < report.Windows.Count; i++)
        {
            var w = report.Windows[i];
            await output.WriteLineAsync($"Window {i + 1}  {Time(w.Start, zone)} - {Time(w.End, zone)}  margin {w.MarginSeconds:0.#}s  "
                + $"{w.Started} migration(s) started, {w.Moved} moved, {w.HeldBack} held back" + (w.Suspended ? ", suspended at its end" : string.Empty));
        }

        // Grouped once: a drain of 100,000 migrations has 20,000 waves, and filtering every attempt again for each wave took minutes.
        var byWave = report.Attempts.Where(a => !a.IsRestart).ToLookup(a => a.WaveNumber);
        foreach (var wave in report.Waves)
        {
            await output.WriteLineAsync($"Wave {wave.WaveNumber} ({wave.Mode}, {wave.PlannedSize} planned, limit {wave.ClusterLimit})"
                + $"  started {Time(wave.StartedAt, zone) ?? "-"}  finished {Time(wave.FinishedAt, zone) ?? "-"}");
            foreach (var a in byWave[wave.WaveNumber])
            {
                await WriteAttemptAsync(output, report, a);
            }
        }

        // Restarts elsewhere (the shutdown policy) belong to no wave.
        var restarts = report.Attempts.Where(a => a.IsRestart).ToList();
        if (restarts.Count > 0)
        {
            await output.WriteLineAsync("Restarts (shut down, started elsewhere by the run strategy)");
            foreach (var a in restarts)
            {
                await WriteAttemptAsync(output, report, a);
            }
        }

        if (report.NotMoved.Count > 0)
        {
            await output.WriteLineAsync("Not moved");
            foreach (var u in report.NotMoved)
            {
                await output.WriteLineAsync($"  {u.Vmi,-30} on {u.Node,-12} {u.Disposition,-8} {u.Reason}");
            }
        }

        foreach (var refusal in report.Interop ?? [])
        {
            await output.WriteLineAsync("Interop: " + refusal);
        }
    }

    private static async Task WriteActionsAsync(TextWriter output, IReadOnlyList<ReportAction> actions, ReportTimeZone zone)
    {
        foreach (var action in actions)
        {
            await output.WriteLineAsync($"  {Time(action.At, zone)}  {action.Action,-10} by {action.Actor}" + (action.Detail is null ? string.Empty : $"  ({action.Detail})"));
        }
    }

    private static Task WriteAttemptAsync(TextWriter output, DrainReport report, AttemptRecord a)
    {
        var predicted = ReportAttempts.Predicted(report, a);
        return output.WriteLineAsync($"  {a.VmiNamespace + "/" + a.VmiName,-30} #{a.Attempt} {a.SourceNode} -> {a.TargetNode ?? "-",-12} {a.Outcome.ToDatabase(),-11} {ReportAttempts.Mode(a) ?? "-",-8}"
            + $" {Seconds(ReportAttempts.DurationSeconds(a)) ?? "-",7}s (predicted {Seconds(predicted?.Seconds) ?? "-"}s)"
            + (ReportAttempts.Network(a) is { } network ? $"  via {network}" : string.Empty)
            + (a.FailureReason is null ? string.Empty : $"  {a.FailureClass}: {a.FailureReason}")
            + (MoveBackText.Outbound(report, a) is { } outbound ? "  " + outbound : string.Empty));
    }

    private static string? Seconds(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? value, ReportTimeZone zone) => value is not { } at ? null
        : zone == ReportTimeZone.Utc ? ReportTimeZone.FormatUtc(at) : $"{ReportTimeZone.FormatUtc(at)} ({zone.FormatLocal(at)})";
}
