using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Evacuations;

/// <summary>The evacuation use cases' log messages (application event ids 4180-4189).</summary>
internal static partial class EvacuationLog
{
    [LoggerMessage(4180, LogLevel.Information, "Evacuation {Evacuation} recorded by {Caller}: {Count} VM(s) from {Source} to {Target}")]
    public static partial void Recorded(ILogger logger, Guid evacuation, string caller, int count, string source, string target);

    [LoggerMessage(4181, LogLevel.Information, "Attached to unfinished evacuation {Evacuation}")]
    public static partial void Attached(ILogger logger, Guid evacuation);

    [LoggerMessage(4182, LogLevel.Warning, "Evacuation refused by preflight: {Problems}")]
    public static partial void Refused(ILogger logger, string problems);

    [LoggerMessage(4183, LogLevel.Information, "Evacuation {Evacuation} cancel by {Caller}: {Outcome}")]
    public static partial void CancelRequested(ILogger logger, Guid evacuation, string caller, string outcome);
}
