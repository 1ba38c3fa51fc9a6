using System.Globalization;
using DrainOrchestrator.Application.Text;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Application.Reports;

/// <summary>
/// The report as CSV: one row per migration attempt (then one per VM a drain left without any), every time in UTC and
/// again in the reader's zone.
/// </summary>
internal static class CsvReportWriter
{
    private const string Header =
        "wave,vmi,attempt,source,target,vmim,outcome,mode,post_copy,intended_at,created_at,started_at,finished_at,duration_s,failure_class,failure_reason,"
        + "predicted_s,predicted_mode,bytes_total,bytes_processed,drain,kind,time_zone,intended_at_local,created_at_local,started_at_local,finished_at_local,target_address,migration_network,on_migration_network,outbound_vmim";

    public static async Task WriteAsync(ReportDocument document, ReportTimeZone zone, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(Header);
        var cells = new object?[31];
        foreach (var report in document.Drains)
        {
            foreach (var a in report.Attempts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var predicted = ReportAttempts.Predicted(report, a);
                object?[] row =
                [
                    a.WaveNumber, a.VmiNamespace + "/" + a.VmiName, a.Attempt, a.SourceNode, a.TargetNode, a.VmimName, a.Outcome.ToDatabase(),
                    ReportAttempts.Mode(a), a.PostCopy, Utc(a.IntendedAt), Utc(a.CreatedAt), Utc(a.StartedAt), Utc(a.FinishedAt),
                    Seconds(ReportAttempts.DurationSeconds(a)), a.FailureClass, a.FailureReason, Seconds(predicted?.Seconds), predicted?.Mode,
                    a.BytesTotal, a.BytesProcessed, report.Drain.Name, a.Kind.ToDatabase(), zone.Id, Local(a.IntendedAt, zone), Local(a.CreatedAt, zone),
                    Local(a.StartedAt, zone), Local(a.FinishedAt, zone), a.Network?.TargetAddress, a.Network?.MigrationNetwork,
                    a.Network?.OnMigrationNetwork, report.Outbound.GetValueOrDefault(a.VmiUid)?.VmimName,
                ];
                await WriteRowAsync(output, row);
            }

            // VMs that never had an attempt: one row each, with the node in the source column and the reason in failure_reason.
            foreach (var u in report.NotMoved.Where(u => u.Disposition != "gave_up"))
            {
                Array.Clear(cells);
                (cells[1], cells[3], cells[6], cells[15], cells[20], cells[22]) = (u.Vmi, u.Node, u.Disposition, u.Reason, report.Drain.Name, zone.Id);
                await WriteRowAsync(output, cells);
            }
        }

        await output.FlushAsync(cancellationToken);
    }

    private static Task WriteRowAsync(TextWriter output, object?[] row) => output.WriteLineAsync(string.Join(",", row.Select(CsvCell.Format)));

    private static string? Seconds(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture);

    private static string? Utc(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Local(DateTimeOffset? value, ReportTimeZone zone) => value is { } at ? zone.FormatLocal(at) : null;
}
