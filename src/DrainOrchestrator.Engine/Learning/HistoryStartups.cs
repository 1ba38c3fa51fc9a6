using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Persistence.Attempts;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>
/// The target start-up earlier migrations on the cluster showed: each recorded transfer's time from its VMIM's creation to
/// its start, the most recent <see cref="Recent"/> of them, read as <see cref="TargetStartups.Of"/> does.
/// </summary>
public static class HistoryStartups
{
    /// <summary>How many of the newest transfers count: a cluster's start-up changes (images cached, nodes replaced).</summary>
    public const int Recent = 200;

    /// <summary>The start-up <paramref name="transfers"/> show; null when fewer than a few recorded their creation.</summary>
    public static TimeSpan? Of(IReadOnlyCollection<FinishedTransfer> transfers, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(transfers);
        ArgumentNullException.ThrowIfNull(logger);
        var samples = transfers
            .Where(t => t.CreatedAt is { } created && t.StartedAt >= created)
            .OrderByDescending(t => t.StartedAt)
            .Take(Recent)
            .Select(t => t.StartedAt - t.CreatedAt!.Value)
            .ToList();
        var startup = TargetStartups.Of(samples);
        StartupLog.HistoryRead(logger, samples.Count, (startup ?? CostModelOptions.DefaultTargetStartup).TotalSeconds,
            startup is null ? "default" : "observed");
        return startup;
    }
}
