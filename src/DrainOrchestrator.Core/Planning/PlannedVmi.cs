using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>One VMI of the drain and what the plan does with it.</summary>
/// <param name="Vmi">The VMI as planned.</param>
/// <param name="Disposition">Migrate, restart, skip or block.</param>
/// <param name="Reason">Why it cannot be live-migrated; <see cref="BlockReason.None"/> when it can.</param>
/// <param name="Detail">The reason in words (e.g. the LiveMigratable reason).</param>
/// <param name="Config">Its effective migration options.</param>
/// <param name="Estimate">Predicted duration at the bandwidth it will most likely get.</param>
/// <param name="NeedsDedicatedBandwidth">Converges only when its source and target NICs are not shared.</param>
/// <param name="TentativeTarget">Where the capacity check put it; the scheduler picks the real target.</param>
/// <param name="Wave">1-based wave number; 0 when it does not migrate.</param>
public sealed record PlannedVmi(
    VmiSnapshot Vmi,
    PlanDisposition Disposition,
    BlockReason Reason,
    string? Detail,
    EffectiveMigrationConfig Config,
    MigrationEstimate Estimate,
    bool NeedsDedicatedBandwidth,
    string? TentativeTarget,
    int Wave)
{
    /// <summary>
    /// The prediction when the migration has its source's NIC to itself. The scheduler times starts with it, so that a
    /// target pod starts while the previous transfer out of the same node still runs; null falls back to
    /// <see cref="Estimate"/>.
    /// </summary>
    public MigrationEstimate? AloneEstimate { get; init; }

    /// <summary>The names of the application budgets it is a member of (see <see cref="DrainPlan.Budgets"/>).</summary>
    public IReadOnlyList<string> Budgets { get; init; } = [];

    /// <summary>
    /// The only node the scheduler may send it to (a move-back returns it to its origin); null lets the scheduler pick.
    /// </summary>
    public string? PinnedTarget { get; init; }

    /// <summary>
    /// Its first attempt runs under the orchestrator's post-copy MigrationPolicy: it is predicted not to converge in
    /// pre-copy even with its NIC to itself, and the drain's failure policy allows post-copy for it (issue 16, point 3).
    /// </summary>
    public bool StartsInPostCopy { get; init; }

    /// <summary>
    /// Why it is predicted not to converge in any mode the policy allows (post-copy forbidden); null when it is
    /// predicted to converge. Also in <see cref="DrainPlan.Warnings"/>.
    /// </summary>
    public string? ConvergenceWarning { get; init; }

    /// <summary>
    /// The few receivers its labels and taints admit (see <see cref="ConstrainedTargets"/>); null when many may take
    /// it. The scheduler starts such migrations first and keeps other migrations off these receivers while they wait.
    /// </summary>
    public IReadOnlyList<string>? ConstrainedTargets { get; init; }

    /// <summary>
    /// The predicted time to send its memory once with its source NIC to itself: a post-copy attempt switches right
    /// after it (<see cref="Migrations.PostCopyPolicyDesigner"/>). Null when not predicted.
    /// </summary>
    public TimeSpan? FirstPass { get; init; }

    /// <summary>Where the dirty rate the estimate assumes came from.</summary>
    public InputSource DirtyRateSource { get; init; } = InputSource.Default;

    /// <summary>Where the migration bandwidth the estimate assumes came from (the source node's NIC, or earlier transfers).</summary>
    public InputSource BandwidthSource { get; init; } = InputSource.Default;

    /// <summary>The dirty rate the estimate assumes, in bytes per second; null when not computed (built outside the planner).</summary>
    public long? DirtyRateBytesPerSecond { get; init; }
}
