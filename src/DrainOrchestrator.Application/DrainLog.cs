using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application;

/// <summary>The drain application's log messages (event ids 4100–4199).</summary>
internal static partial class DrainLog
{
    [LoggerMessage(4101, LogLevel.Warning, "Drain {Drain}: this process lost its lease ({Reason}); it follows the drain, and takes it up again if its holder stops before the end")]
    public static partial void FollowingAfterLoss(ILogger logger, Guid drain, string reason);

    [LoggerMessage(4110, LogLevel.Warning, "Insecure connection to the cluster, allowed by --allow-insecure-kubernetes: {Reason}. Give the cluster entry an https:// server and its certificate-authority to make it safe")]
    public static partial void InsecureKubernetes(ILogger logger, string reason);

    [LoggerMessage(4185, LogLevel.Information, "Drain {Drain} is held by another process (a drainctl or a server replica); this one shows its progress as journaled, and takes the drain up if that process stops before the end")]
    public static partial void FollowingHolder(ILogger logger, string drain);

    [LoggerMessage(4184, LogLevel.Warning, "Drain {Drain} of these nodes is unfinished: this request attached to it, and it runs under the policy it was started with; the policy asked for differs in {Fields}, which is not applied (cancel the drain and start a new one to change it)")]
    public static partial void AttachedUnderItsOwnPolicy(ILogger logger, string drain, string fields);
}
