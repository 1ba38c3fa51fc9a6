namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>One migration attempt as recorded: everything a report needs about one VMIM.</summary>
/// <remarks>
/// <see cref="CreatedAt"/>, <see cref="StartedAt"/> and <see cref="FinishedAt"/> are the cluster's timestamps;
/// <see cref="IntendedAt"/> and <see cref="ConcludedAt"/> (when the engine recorded the final outcome) are the engine's.
/// A restart (<see cref="Kind"/> <see cref="AttemptKind.Restart"/>) has no VMIM and no wave: <see cref="WaveNumber"/> is 0,
/// <see cref="VmimName"/> is the attempt's identity, and <see cref="CreatedAt"/> is when the engine deleted the VMI.
/// </remarks>
public sealed record AttemptRecord(
    long Id,
    Guid DrainId,
    int WaveNumber,
    int Attempt,
    string VmiNamespace,
    string VmiName,
    string VmiUid,
    string SourceNode,
    string? TargetNode,
    string VmimName,
    string? VmimUid,
    string? Mode,
    AttemptOutcome Outcome,
    string? FailureClass,
    string? FailureReason,
    long? BytesTotal,
    long? BytesProcessed,
    string PhaseTimestampsJson,
    bool PostCopy,
    DateTimeOffset IntendedAt,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ConcludedAt = null,
    AttemptKind Kind = AttemptKind.Migration)
{
    /// <summary>Whether the attempt is over.</summary>
    /// <summary>The network the migration used, once it succeeded; null before, and for rows written before migration 0014.</summary>
    public AttemptNetwork? Network { get; init; }

    public bool IsFinal => Outcome.IsFinal();

    /// <summary>Whether this is a restart elsewhere rather than a live migration.</summary>
    public bool IsRestart => Kind == AttemptKind.Restart;
}
