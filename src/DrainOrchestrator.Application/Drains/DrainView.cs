namespace DrainOrchestrator.Application.Drains;

/// <summary>A drain as the front doors show it: identity, state, policy and per-node progress (per-VM on request).</summary>
/// <param name="Id">The drain's id.</param>
/// <param name="Name">Its unique name.</param>
/// <param name="Cluster">The cluster's API server address.</param>
/// <param name="State">Its state for users.</param>
/// <param name="RecordedState">The state as recorded (pending, running, paused, cancelling, succeeded, failed, cancelled).</param>
/// <param name="Policy">The policy in force, as its JSON document.</param>
/// <param name="RequestedBy">Who started it.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="StartedAt">When an engine started it.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="OutcomeReason">Why it ended (or was interrupted), in words.</param>
/// <param name="Nodes">Its nodes.</param>
/// <param name="Vms">Per VM, its latest attempt; empty unless asked for.</param>
/// <param name="Budget">Its place in the cluster's migration budget while it is unfinished; null otherwise.</param>
/// <param name="ViewHold">Why it holds on a stale cluster view, while it does; null otherwise.</param>
public sealed record DrainView(
    Guid Id,
    string Name,
    string Cluster,
    DrainStatus State,
    string RecordedState,
    string Policy,
    string? RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? OutcomeReason,
    IReadOnlyList<NodeView> Nodes,
    IReadOnlyList<VmView> Vms,
    BudgetView? Budget = null,
    ClusterViewHold? ViewHold = null)
{
    /// <summary>For a move-back: the id of the drain whose VMs it returns to their original nodes; null for a drain.</summary>
    public Guid? ReturnsDrain { get; init; }
}
