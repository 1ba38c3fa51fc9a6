using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>Log messages of restarts elsewhere (the shutdown policy), with stable event ids.</summary>
internal static partial class RestartLog
{
    [LoggerMessage(3040, LogLevel.Information, "Restart {Attempt}: stopped {Vmi} (uid {Uid}, deleted now {Deleted}); its run strategy starts it elsewhere")]
    public static partial void Stopped(ILogger logger, string attempt, string vmi, string uid, bool deleted);

    [LoggerMessage(3041, LogLevel.Warning, "Stopping {Vmi} for a restart elsewhere failed: {Reason}")]
    public static partial void StopFailed(ILogger logger, string vmi, string reason);
}
