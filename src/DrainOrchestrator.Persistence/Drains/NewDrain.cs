namespace DrainOrchestrator.Persistence.Drains;

/// <summary>A drain to record: its identity, the cluster and nodes it empties, and its policy as JSON.</summary>
public sealed record NewDrain(Guid Id, string Name, string Cluster, IReadOnlyList<string> Nodes, string PolicyJson, string? RequestedBy);
