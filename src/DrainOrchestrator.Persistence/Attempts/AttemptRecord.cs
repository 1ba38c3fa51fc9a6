namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>One migration attempt as recorded: everything a report needs about one VMIM.</summary>
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
    string Outcome,
    string? FailureClass,
    string? FailureReason,
    long? BytesTotal,
    long? BytesProcessed,
    string PhaseTimestampsJson,
    bool PostCopy,
    DateTimeOffset IntendedAt,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>Whether the attempt is over.</summary>
    public bool IsFinal => AttemptOutcome.IsFinal(Outcome);
}
