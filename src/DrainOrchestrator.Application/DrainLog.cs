using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application;

/// <summary>The drain application's log messages (event ids 4100–4199).</summary>
internal static partial class DrainLog
{
    [LoggerMessage(4101, LogLevel.Warning, "Drain {Drain}: this process lost its lease ({Reason}); it follows the drain, and takes it up again if its holder stops before the end")]
    public static partial void FollowingAfterLoss(ILogger logger, Guid drain, string reason);
}
