using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

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
public sealed record SchedulerState(
    string DrainId,
    ClusterSnapshot Cluster,
    DrainPlan Plan,
    IReadOnlyList<MigrationAttempt> Attempts,
    DrainPolicy Policy,
    bool Paused = false,
    IReadOnlySet<string>? OtherDrainingNodes = null,
    IReadOnlySet<string>? LaterDrainNodes = null,
    IReadOnlySet<string>? PreferredTargets = null)
{
    /// <summary>The target preference of <see cref="LaterDrainNodes"/> and <see cref="PreferredTargets"/>.</summary>
    public TargetPreference TargetPreference => new(LaterDrainNodes, PreferredTargets);
}
