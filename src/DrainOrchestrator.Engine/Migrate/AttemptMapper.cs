using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>Turns recorded attempts into the scheduler's memory.</summary>
internal static class AttemptMapper
{
    /// <summary>The attempt of <paramref name="r"/>; <paramref name="createdAt"/> when this process's create of its VMIM returned.</summary>
    public static MigrationAttempt ToCore(AttemptRecord r, DateTimeOffset? createdAt = null) => new(
        r.VmiUid,
        r.Attempt,
        r.IsRestart ? Core.Scheduling.AttemptKind.Restart : Core.Scheduling.AttemptKind.Migration,
        r.VmimName,
        r.SourceNode,
        r.TargetNode,
        r.PostCopy,
        r.Outcome switch
        {
            AttemptOutcome.Succeeded => AttemptStatus.Succeeded,
            AttemptOutcome.Failed or AttemptOutcome.Aborted or AttemptOutcome.NotCreated => AttemptStatus.Failed,
            _ => AttemptStatus.InFlight,
        },
        r.IntendedAt,
        // The engine's clock, not the cluster's: the scheduler waits out backoffs on the engine's clock.
        r.ConcludedAt ?? r.FinishedAt,
        r.IsFinal && r.Outcome != AttemptOutcome.Succeeded
            ? Enum.TryParse<FailureKind>(r.FailureClass, out var kind) ? kind : FailureKind.Unknown
            : null,
        r.FailureReason)
    {
        TransferStartedAt = r.StartedAt,
        CreatedAt = createdAt,
        VmiQualifiedName = r.VmiNamespace + "/" + r.VmiName,
    };
}
