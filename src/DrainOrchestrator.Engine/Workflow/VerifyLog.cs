using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>Log messages of the verify step, with stable event ids.</summary>
internal static partial class VerifyLog
{
    [LoggerMessage(3060, LogLevel.Information, "Verify: the cache shows {Count} VMI(s) not moved; asking the API server")]
    public static partial void AskingServer(ILogger logger, int count);

    [LoggerMessage(3061, LogLevel.Information, "Verify: the cache lagged behind; the API server shows {Vmi} moved")]
    public static partial void CacheLagged(ILogger logger, string vmi);

    [LoggerMessage(3062, LogLevel.Information, "Verify: waiting up to {Timeout} for {Count} VMI(s) whose migration completed to be handed over")]
    public static partial void AwaitingHandOver(ILogger logger, TimeSpan timeout, int count);
}
