namespace DrainOrchestrator.Persistence.Drains;

/// <summary>A drain to record: its identity, the cluster and nodes it empties, its policy as JSON, and the idempotency key of the request.</summary>
public sealed record NewDrain(
    Guid Id, string Name, string Cluster, IReadOnlyList<string> Nodes, string PolicyJson, string? RequestedBy, string? IdempotencyKey = null);
