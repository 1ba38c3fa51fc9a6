using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Application.Reports;

/// <summary>What every format derives alike from one attempt: its span, its duration and the plan's prediction for it.</summary>
public static class ReportAttempts
{
    /// <summary>When it began: the cluster's creation of the VMIM, or the engine's intent when it never got created.</summary>
    public static DateTimeOffset Start(AttemptRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return attempt.CreatedAt ?? attempt.IntendedAt;
    }

    /// <summary>When it ended (the cluster's finish, else when the engine concluded it); null while it runs.</summary>
    public static DateTimeOffset? End(AttemptRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return attempt.FinishedAt ?? attempt.ConcludedAt;
    }

    /// <summary>
    /// The network it used, in words: <c>on kubevirt/net (192.168.50.2)</c> on the dedicated migration network,
    /// <c>pod network, not kubevirt/net (10.128.0.2)</c> when it missed a configured one, <c>pod network (10.128.0.2)</c> or
    /// an address alone when none was configured or checked; null when nothing was recorded.
    /// </summary>
    public static string? Network(AttemptRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.Network is not { } n)
        {
            return null;
        }

        var address = n.TargetAddress ?? "no address";
        return (n.MigrationNetwork, n.OnMigrationNetwork) switch
        {
            ({ } name, true) => $"on {name} ({address})",
            ({ } name, false) => $"pod network, not {name} ({address})",
            (null, _) => $"pod network ({address})",
            _ => address,
        };
    }

    /// <summary>
    /// Whether it ran in post-copy: started so by the engine (its policy's fallback, or a guest predicted not to converge),
    /// or switched by KubeVirt (the migration's mode, e.g. a MigrationPolicy's automatic switch). Every format counts this.
    /// </summary>
    public static bool PostCopy(AttemptRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return attempt.PostCopy || string.Equals(attempt.Mode, "PostCopy", StringComparison.Ordinal);
    }

    /// <summary>
    /// Its duration by the cluster's timestamps; null until it finished. Never below zero: an abort's finish is stamped by
    /// the engine's clock (the cluster gives none), and a cluster clock ahead of the engine's made short aborts negative.
    /// </summary>
    public static double? DurationSeconds(AttemptRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return attempt.FinishedAt is { } f ? Math.Max(0, (f - Start(attempt)).TotalSeconds) : null;
    }

    /// <summary>The plan's prediction for its VM; null when the plan made none (or was not journaled).</summary>
    public static PredictedMigration? Predicted(DrainReport report, AttemptRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(attempt);
        return report.Predictions.GetValueOrDefault(attempt.VmiUid);
    }

    /// <summary>The mode a report shows: the migration's mode, or <c>Restart</c> for a restart elsewhere.</summary>
    public static string? Mode(AttemptRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return attempt.IsRestart ? "Restart" : attempt.Mode;
    }

    /// <summary>Whether any attempt of the report recorded the bytes it moved.</summary>
    public static bool HasBytes(IEnumerable<DrainReport> drains) => drains.Any(d => d.Attempts.Any(a => a.BytesProcessed is not null));
}
