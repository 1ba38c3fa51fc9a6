using DrainOrchestrator.Core.Failures;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>One attempt to move one VMI, as the engine journaled it. The scheduler's memory is these records.</summary>
/// <param name="VmiUid">The VMI's uid.</param>
/// <param name="Number">1-based attempt number.</param>
/// <param name="Kind">Migration or restart.</param>
/// <param name="Name">The VMIM name (see <see cref="MigrationNaming.VmimName"/>).</param>
/// <param name="SourceNode">The node the VMI left from.</param>
/// <param name="TargetNode">The pinned target; null for a restart.</param>
/// <param name="PostCopy">Whether the attempt ran with the orchestrator's post-copy policy.</param>
/// <param name="Status">In flight, succeeded or failed.</param>
/// <param name="StartedAt">When the attempt was decided.</param>
/// <param name="FinishedAt">When it finished; null while in flight.</param>
/// <param name="Failure">The classified failure of a failed attempt.</param>
/// <param name="FailureMessage">The failure reason as observed.</param>
public sealed record MigrationAttempt(
    string VmiUid,
    int Number,
    AttemptKind Kind,
    string Name,
    string SourceNode,
    string? TargetNode,
    bool PostCopy,
    AttemptStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt = null,
    FailureKind? Failure = null,
    string? FailureMessage = null)
{
    /// <summary>
    /// When its transfer began, as the cluster stamped it (the VMI's <c>migrationState.startTimestamp</c>: whole seconds,
    /// truncated); null until known.
    /// </summary>
    public DateTimeOffset? TransferStartedAt { get; init; }

    /// <summary>
    /// When this engine's create of the VMIM returned, on the engine's clock; null when not known (a VMIM adopted or
    /// created by an earlier process). Its transfer follows a start-up after it, however long the engine took from the
    /// decision (<see cref="StartedAt"/>) to the create.
    /// </summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>
    /// The VMI's <c>namespace/name</c>; null when not known. A restart keeps it (the VM's next VMI has a new uid), so a
    /// restart whose VMI the plan no longer holds (planned again after a crash) is still counted by its budgets.
    /// </summary>
    public string? VmiQualifiedName { get; init; }
}
