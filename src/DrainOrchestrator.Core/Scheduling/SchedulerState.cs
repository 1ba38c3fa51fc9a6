using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Windows;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>Everything the scheduler decides from; the engine rebuilds it on every event.</summary>
/// <param name="DrainId">The drain's identity (part of every VMIM name).</param>
/// <param name="Cluster">The cluster now, with every unfinished VMIM (ours and foreign).</param>
/// <param name="Plan">The drain's plan.</param>
/// <param name="Attempts">Every attempt journaled for this drain.</param>
/// <param name="Policy">The drain policy.</param>
/// <param name="Paused">Start nothing new.</param>
/// <param name="OtherDrainingNodes">Nodes drained by other drains: never targets.</param>
/// <param name="LaterDrainNodes">Nodes to be drained later (a rolling upgrade): used as targets only as a last resort.</param>
/// <param name="PreferredTargets">Nodes to fill first (drained and upgraded in earlier batches of a rolling upgrade).</param>
/// <param name="Window">The maintenance window's admission: no migration starts that it predicts to end after it closes; null for none.</param>
public sealed record SchedulerState(
    string DrainId,
    ClusterSnapshot Cluster,
    DrainPlan Plan,
    IReadOnlyList<MigrationAttempt> Attempts,
    DrainPolicy Policy,
    bool Paused = false,
    IReadOnlySet<string>? OtherDrainingNodes = null,
    IReadOnlySet<string>? LaterDrainNodes = null,
    IReadOnlySet<string>? PreferredTargets = null,
    WindowAdmission? Window = null)
{
    /// <summary>
    /// For each item of <see cref="Plan"/> (by position), its VMI as <see cref="ClusterSnapshot.Vmis"/> lists it (the
    /// last one listed with the item's uid), or null when the cluster has none: a caller that keeps this up to date as
    /// the cluster changes spares each decision reading every VMI of the cluster to find the plan's. Null (or a list of
    /// another length): the decision reads <see cref="ClusterSnapshot.Vmis"/>.
    /// </summary>
    public IReadOnlyList<VmiSnapshot?>? PlannedVmis { get; init; }

    /// <summary>
    /// VMIs (by uid) that do not start in this decision although eligible: the engine waits for what a sibling running
    /// out of the same node shows first (docs/learned-inputs.md, "Within a drain"). Null: none.
    /// </summary>
    public IReadOnlySet<string>? Waiting { get; init; }

    /// <summary>
    /// Since when a cluster slot has been free: the time of the previous decision when it left one free; null when it
    /// filled the cluster limit, for a first decision, and after a restart. A source that became due after it (its NIC
    /// about to free) would have taken that slot at that instant, had the engine decided then; a late pass (a busy engine,
    /// or drain-sim at speed 20, where a pass lasts twenty times longer in model time) finds several due, so they take
    /// their slots in the order they became due (<see cref="SourceSelection"/>), not by their work left. The decision stays
    /// a function of the state and the time.
    /// </summary>
    public DateTimeOffset? SlotFreeSince { get; init; }

    /// <summary>
    /// How long the engine takes from a decision to its VMIM's creation (its recent median): a source's next migration
    /// is started that much before the start-up that ends as its NIC frees. Zero: none (a harness in virtual time).
    /// </summary>
    public TimeSpan ReactionLead { get; init; }

    /// <summary>
    /// The caller's memo of the last decision on this plan (<see cref="DecisionMemo"/>); null: every item's state is
    /// derived again. Used only with <see cref="PlannedVmis"/>.
    /// </summary>
    public DecisionMemo? Memo { get; init; }

    /// <summary>The target preference of <see cref="LaterDrainNodes"/> and <see cref="PreferredTargets"/>.</summary>
    public TargetPreference TargetPreference => new(LaterDrainNodes, PreferredTargets);
}
