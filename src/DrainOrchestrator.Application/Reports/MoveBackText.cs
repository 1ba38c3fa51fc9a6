using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Application.Reports;

/// <summary>How the table and HTML reports link a move-back and its drain, in words.</summary>
internal static class MoveBackText
{
    /// <summary>The lines under a drain's heading: the drain a move-back returns, or the drain's move-backs; empty when neither.</summary>
    public static IReadOnlyList<string> Lines(DrainReport report)
    {
        var lines = new List<string>();
        if (report.Returns is { } returns)
        {
            lines.Add($"Move-back of drain {returns.Name} ({returns.Id:D}, {returns.State}): each VM it moved returns to the node it left");
        }

        lines.AddRange(report.MovedBackBy.Select(m => $"Moved back by {m.Name} ({m.Id:D}, {m.State})"));
        return lines;
    }

    /// <summary>For a move-back's return migration, the outbound migration it undoes; null otherwise.</summary>
    public static string? Outbound(DrainReport report, AttemptRecord attempt) =>
        report.Outbound.GetValueOrDefault(attempt.VmiUid) is { } o
            ? $"returns {o.VmimName} ({o.Source} -> {o.Target ?? "-"}) of {report.Returns?.Name}"
            : null;
}
