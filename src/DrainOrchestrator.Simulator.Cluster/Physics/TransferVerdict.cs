namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>What the physics decided about one transfer at a tick.</summary>
internal enum TransferVerdictKind
{
    Completed,
    SwitchedToPostCopy,
    Paused,
    Aborted,
    AbortFailed,
    UserAborted,
    NetworkLost,
}

/// <summary>A decision about one transfer for the migration controller to apply.</summary>
internal readonly record struct TransferVerdict(Transfer Transfer, TransferVerdictKind Kind, string? Reason = null);
