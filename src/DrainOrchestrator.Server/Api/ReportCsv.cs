using System.Globalization;
using System.Text;
using DrainOrchestrator.Engine.Reports;

namespace DrainOrchestrator.Server.Api;

/// <summary>A drain report as CSV: one row per migration attempt, RFC 4180 quoting.</summary>
internal static class ReportCsv
{
    private const string Header = "namespace,name,attempt,wave,source_node,target_node,outcome,mode,failure_class,failure_reason,bytes_processed,started_at,finished_at";

    public static string Write(DrainReport report)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var a in report.Attempts)
        {
            string?[] row =
            [
                a.VmiNamespace, a.VmiName, a.Attempt.ToString(CultureInfo.InvariantCulture), a.WaveNumber.ToString(CultureInfo.InvariantCulture),
                a.SourceNode, a.TargetNode, a.Outcome, a.Mode, a.FailureClass, a.FailureReason,
                a.BytesProcessed?.ToString(CultureInfo.InvariantCulture), a.StartedAt?.ToString("O", CultureInfo.InvariantCulture),
                a.FinishedAt?.ToString("O", CultureInfo.InvariantCulture),
            ];
            text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Quote(string? value) =>
        value is null ? string.Empty
        : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
