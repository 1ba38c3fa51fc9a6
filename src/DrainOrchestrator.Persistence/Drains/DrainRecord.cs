namespace DrainOrchestrator.Persistence.Drains;

/// <summary>A drain as recorded; <see cref="Owned"/> says whether an engine holds its lease now (by PostgreSQL's clock).</summary>
public sealed record DrainRecord(
    Guid Id,
    string Name,
    string Cluster,
    DrainState State,
    string PolicyJson,
    string? RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? OutcomeReason,
    long Version,
    IReadOnlyList<DrainNodeRecord> Nodes,
    bool Owned = false)
{
    /// <summary>Nodes due for a later drain (a rolling upgrade's later batches): targets only as a last resort.</summary>
    public IReadOnlyList<string> AvoidTargets { get; init; } = [];

    /// <summary>Nodes to fill first (upgraded in earlier batches).</summary>
    public IReadOnlyList<string> PreferTargets { get; init; } = [];

    /// <summary>For a move-back: the drain whose VMs it returns to their original nodes; null for a drain.</summary>
    public Guid? ReturnsDrain { get; init; }

    /// <summary>Whether this run is a move-back (<see cref="ReturnsDrain"/>) rather than a drain.</summary>
    public bool IsMoveBack => ReturnsDrain is not null;
}
