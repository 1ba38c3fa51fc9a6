using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>The evacuation's log messages (engine event ids 3150-3169).</summary>
internal static partial class EvacuationLog
{
    [LoggerMessage(3150, LogLevel.Information, "Evacuation {Evacuation}: owned by this process (lease epoch {Epoch})")]
    public static partial void Owned(ILogger logger, Guid evacuation, long epoch);

    [LoggerMessage(3151, LogLevel.Information, "Evacuation {Evacuation}: {Vm} attempt {Attempt} started (migrationID {MigrationId})")]
    public static partial void AttemptStarted(ILogger logger, Guid evacuation, string vm, int attempt, string migrationId);

    [LoggerMessage(3152, LogLevel.Information, "Evacuation {Evacuation}: {Kind} {Name} on the {Side} side {Outcome}")]
    public static partial void ObjectCreated(ILogger logger, Guid evacuation, string kind, string name, string side, string outcome);

    [LoggerMessage(3153, LogLevel.Warning, "Evacuation {Evacuation}: {Vm} attempt {Attempt} failed: {Reason}")]
    public static partial void AttemptFailed(ILogger logger, Guid evacuation, string vm, int attempt, string reason);

    [LoggerMessage(3154, LogLevel.Information, "Evacuation {Evacuation}: {Vm} moved to {Node}")]
    public static partial void Moved(ILogger logger, Guid evacuation, string vm, string node);

    [LoggerMessage(3155, LogLevel.Information, "Evacuation {Evacuation} finished {State}")]
    public static partial void Finished(ILogger logger, Guid evacuation, string state);

    [LoggerMessage(3156, LogLevel.Warning, "Evacuation {Evacuation}: a pass failed and is retried: {Reason}")]
    public static partial void PassFailed(ILogger logger, Guid evacuation, string reason);

    [LoggerMessage(3157, LogLevel.Debug, "Evacuation {Evacuation}: {Vm} waits for the synchronization controller's address")]
    public static partial void WaitingForAddress(ILogger logger, Guid evacuation, string vm);

    [LoggerMessage(3160, LogLevel.Information, "Evacuation {Evacuation}: cancel seen; {Moving} moving VM(s) are aborted before the hand-off or let finish, {Planned} not started are left alone")]
    public static partial void CancelSeen(ILogger logger, Guid evacuation, int moving, int planned);

    [LoggerMessage(3161, LogLevel.Information, "Evacuation {Evacuation}: {Vm} attempt {Attempt} aborted for the cancel before the hand-off ({Phases})")]
    public static partial void AbortedBeforeHandOff(ILogger logger, Guid evacuation, string vm, int attempt, string phases);

    [LoggerMessage(3162, LogLevel.Information, "Evacuation {Evacuation}: {Vm} was not moved ({Reason})")]
    public static partial void VmCancelled(ILogger logger, Guid evacuation, string vm, string reason);
}
