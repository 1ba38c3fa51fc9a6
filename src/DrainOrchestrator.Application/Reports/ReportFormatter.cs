using System.Globalization;
using System.Text.Json;
using DrainOrchestrator.Application.Text;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Application.Reports;

/// <summary>Writes a drain report as a table, JSON or CSV: the one rendering both front doors serve.</summary>
public static class ReportFormatter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(TextWriter output, string format, DrainReport report)
    {
        var (drain, waves, attempts) = (report.Drain, report.Waves, report.Attempts);
        if (format is not ("json" or "csv"))
        {
            // Names and reasons come from the cluster: JSON and CSV quote them, the table is read on a terminal.
            output = new TerminalWriter(output);
        }

        switch (format)
        {
            case "json":
                await output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    drain = new { drain.Id, drain.Name, drain.Cluster, drain.State, drain.OutcomeReason, drain.CreatedAt, drain.StartedAt, drain.FinishedAt },
                    waves,
                    migrations = attempts.Select(Row),
                    notMoved = report.NotMoved,
                    windows = report.Windows,
                    interop = report.Interop ?? [],
                }, Json));
                break;
            case "csv":
                await output.WriteLineAsync("wave,vmi,attempt,source,target,vmim,outcome,mode,post_copy,intended_at,created_at,started_at,finished_at,duration_s,failure_class,failure_reason");
                foreach (var a in attempts)
                {
                    var r = Row(a);
                    await output.WriteLineAsync(string.Join(",", new object?[]
                    {
                        r.Wave, r.Vmi, r.Attempt, r.Source, r.Target, r.Vmim, r.Outcome, r.Mode, r.PostCopy, Time(r.IntendedAt), Time(r.CreatedAt),
                        Time(r.StartedAt), Time(r.FinishedAt), r.DurationSeconds?.ToString("0.0", CultureInfo.InvariantCulture), r.FailureClass, r.FailureReason,
                    }.Select(CsvCell.Format)));
                }

                // VMs that never had an attempt: one row each, with the node in the source column and the reason last.
                foreach (var u in report.NotMoved.Where(u => u.Disposition != "gave_up"))
                {
                    await output.WriteLineAsync(string.Join(",", new object?[]
                    {
                        null, u.Vmi, null, u.Node, null, null, u.Disposition, null, null, null, null, null, null, null, null, u.Reason,
                    }.Select(CsvCell.Format)));
                }

                break;
            default:
                await output.WriteLineAsync($"Drain {drain.Name} ({drain.State.ToDatabase()}): {drain.OutcomeReason}");
                for (var i = 0; i < report.Windows.Count; i++)
                {
                    var w = report.Windows[i];
                    await output.WriteLineAsync($"Window {i + 1}  {Time(w.Start)} - {Time(w.End)}  margin {w.MarginSeconds:0.#}s  "
                        + $"{w.Started} migration(s) started, {w.Moved} moved, {w.HeldBack} held back" + (w.Suspended ? ", suspended at its end" : string.Empty));
                }

                // Grouped once: a drain of 100,000 migrations has 20,000 waves, and filtering every attempt again for each
                // wave took minutes.
                var byWave = attempts.Where(a => !a.IsRestart).ToLookup(a => a.WaveNumber);
                foreach (var wave in waves)
                {
                    await output.WriteLineAsync($"Wave {wave.WaveNumber} ({wave.Mode}, {wave.PlannedSize} planned, limit {wave.ClusterLimit})"
                        + $"  started {Time(wave.StartedAt) ?? "-"}  finished {Time(wave.FinishedAt) ?? "-"}");
                    foreach (var a in byWave[wave.WaveNumber].Select(Row))
                    {
                        await WriteAttemptAsync(output, a);
                    }
                }

                // Restarts elsewhere (the shutdown policy) belong to no wave.
                var restarts = attempts.Where(a => a.IsRestart).Select(Row).ToList();
                if (restarts.Count > 0)
                {
                    await output.WriteLineAsync("Restarts (shut down, started elsewhere by the run strategy)");
                    foreach (var a in restarts)
                    {
                        await WriteAttemptAsync(output, a);
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

                break;
        }
    }

    private static Task WriteAttemptAsync(TextWriter output, ReportRow a) =>
        output.WriteLineAsync($"  {a.Vmi,-30} #{a.Attempt} {a.Source} -> {a.Target ?? "-",-12} {a.Outcome,-11} {a.Mode ?? "-",-8}"
            + $" {a.DurationSeconds?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",7}s"
            + (a.FailureReason is null ? string.Empty : $"  {a.FailureClass}: {a.FailureReason}"));

    // A restart has no migration mode: the mode column says Restart (and its duration is the VM's downtime as the
    // engine saw it, from the VMI's deletion to the new one running).
    private static ReportRow Row(AttemptRecord a) => new(a.WaveNumber, a.VmiNamespace + "/" + a.VmiName, a.Attempt, a.SourceNode, a.TargetNode,
        a.VmimName, a.Outcome.ToDatabase(), a.IsRestart ? "Restart" : a.Mode, a.PostCopy, a.IntendedAt, a.CreatedAt, a.StartedAt, a.FinishedAt,
        a.FinishedAt is { } f ? (f - (a.CreatedAt ?? a.IntendedAt)).TotalSeconds : null, a.FailureClass, a.FailureReason, a.Kind.ToDatabase());

    private static string? Time(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed record ReportRow(int Wave, string Vmi, int Attempt, string Source, string? Target, string Vmim, string Outcome,
        string? Mode, bool PostCopy, DateTimeOffset IntendedAt, DateTimeOffset? CreatedAt, DateTimeOffset? StartedAt,
        DateTimeOffset? FinishedAt, double? DurationSeconds, string? FailureClass, string? FailureReason, string Kind);
}
