using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>Log events of the learned inputs (3145–3147, 3170–3176).</summary>
internal static partial class LearningLog
{
    [LoggerMessage(3145, LogLevel.Information, "Read {Series} dirty-rate series from Prometheus at {Url}; {Matched} name VMIs of the cluster")]
    public static partial void MetricsRead(ILogger logger, string url, int series, int matched);

    [LoggerMessage(3146, LogLevel.Warning, "Dirty rates from Prometheus at {Url} are not used (retry may help: {Retryable}): {Problem}")]
    public static partial void MetricsUnavailable(ILogger logger, string url, bool retryable, string problem);

    [LoggerMessage(3147, LogLevel.Debug, "Read {Transfers} earlier transfers; {Vmis} VMIs have a history")]
    public static partial void HistoryRead(ILogger logger, int transfers, int vmis);

    [LoggerMessage(3170, LogLevel.Information,
        "Drain {Drain} planned its remaining migrations again with what it learned: {Nics} NIC floors, {DirtyRates} dirty rates ({BySibling} from a sibling)")]
    public static partial void Replanned(ILogger logger, string drain, int nics, int dirtyRates, int bySibling);

    [LoggerMessage(3175, LogLevel.Debug,
        "Attempt {Vmim} of {Vmi} runs its pre-copy under the owned policy {Policy}: it switches to post-copy after {PerGiB}s per GB of transfer unless it converged first")]
    public static partial void Guarded(ILogger logger, string vmim, string vmi, string policy, double perGiB);

    [LoggerMessage(3176, LogLevel.Warning,
        "Attempt {Vmim} of {Vmi} runs as a plain pre-copy: its guard policy could not be made ({Problem}); a guest that does not converge fails at the progress timeout and is retried")]
    public static partial void GuardNotSet(ILogger logger, string vmim, string vmi, string problem);
}
