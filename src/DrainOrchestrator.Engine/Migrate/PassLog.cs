using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// Debug messages of the migrate loop's passes, with stable event ids: when a pass begins and what it decided, so a
/// verbose log shows how long the engine took from a cluster change to its VMIM (the orchestration bench reads them).
/// </summary>
internal static partial class PassLog
{
    [LoggerMessage(3050, LogLevel.Debug, "Pass {Pass} begins at cluster view version {Version}")]
    public static partial void Began(ILogger logger, long pass, long version);

    [LoggerMessage(3051, LogLevel.Debug, "Pass {Pass} decided in {ElapsedMs:F1} ms: {Started} started, {InFlight} in flight, {Remaining} remaining, next wake {WakeAt}")]
    public static partial void Decided(ILogger logger, long pass, double elapsedMs, int started, int inFlight, int remaining, DateTimeOffset? wakeAt);

    [LoggerMessage(3052, LogLevel.Debug, "Pass {Pass} ends at once: only what the decision does not read changed since pass {Decided}")]
    public static partial void Quiet(ILogger logger, long pass, long decided);
}
