namespace DrainOrchestrator.Persistence.Drains;

/// <summary>A drain as recorded.</summary>
public sealed record DrainRecord(
    Guid Id,
    string Name,
    string Cluster,
    string State,
    string PolicyJson,
    string? RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? OutcomeReason,
    long Version,
    IReadOnlyList<DrainNodeRecord> Nodes);
