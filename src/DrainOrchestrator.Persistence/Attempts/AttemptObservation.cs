namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>What the cluster shows about one attempt's VMIM, to record on its row.</summary>
/// <param name="Outcome">The new outcome.</param>
/// <param name="VmimUid">The VMIM's uid, once known.</param>
/// <param name="TargetNode">The target, when the cluster reports one.</param>
/// <param name="Mode">PreCopy, PostCopy or Paused, once known.</param>
/// <param name="FailureClass">The classified failure of a failed attempt.</param>
/// <param name="FailureReason">The failure as observed.</param>
/// <param name="BytesTotal">Bytes to transfer, when known.</param>
/// <param name="BytesProcessed">Bytes transferred, when known.</param>
/// <param name="PhaseTimestampsJson">The VMIM's phase transition times as a JSON object (phase to time); null keeps them.</param>
/// <param name="CreatedAt">When the VMIM was created.</param>
/// <param name="StartedAt">When memory transfer began.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Network">The network it used, once it succeeded; null keeps what the row holds.</param>
public sealed record AttemptObservation(
    AttemptOutcome Outcome,
    string? VmimUid = null,
    string? TargetNode = null,
    string? Mode = null,
    string? FailureClass = null,
    string? FailureReason = null,
    long? BytesTotal = null,
    long? BytesProcessed = null,
    string? PhaseTimestampsJson = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    AttemptNetwork? Network = null);
