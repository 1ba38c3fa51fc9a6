namespace DrainOrchestrator.Persistence.Drains;

/// <summary>A drain to record: its identity, the cluster and nodes it empties, its policy as JSON, and the idempotency key of the request.</summary>
public sealed record NewDrain(
    Guid Id, string Name, string Cluster, IReadOnlyList<string> Nodes, string PolicyJson, string? RequestedBy, string? IdempotencyKey = null)
{
    /// <summary>Nodes due for a later drain: targets only as a last resort.</summary>
    public IReadOnlyList<string> AvoidTargets { get; init; } = [];

    /// <summary>Nodes to fill first.</summary>
    public IReadOnlyList<string> PreferTargets { get; init; } = [];

    /// <summary>For a move-back: the drain whose VMs it returns to their original nodes; null for a drain.</summary>
    public Guid? ReturnsDrain { get; init; }
}
