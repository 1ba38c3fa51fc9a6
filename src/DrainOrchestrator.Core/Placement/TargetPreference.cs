namespace DrainOrchestrator.Core.Placement;

/// <summary>
/// Which targets a drain prefers and which it takes only as a last resort: in a rolling upgrade, the nodes of earlier
/// batches (upgraded: a VM placed there stays) and the nodes of later batches (a VM placed there moves again). A node
/// named in both counts as due for a later drain. Wraps the sets it is given; looking a node up is a set look-up.
/// </summary>
/// <param name="LaterDrain">Nodes due for a later drain.</param>
/// <param name="Preferred">Nodes to fill first.</param>
public sealed record TargetPreference(IReadOnlySet<string>? LaterDrain, IReadOnlySet<string>? Preferred)
{
    /// <summary>No preference: every node is <see cref="TargetTier.Neutral"/>.</summary>
    public static TargetPreference None { get; } = new(null, null);

    /// <summary>Whether every node is <see cref="TargetTier.Neutral"/>.</summary>
    public bool IsEmpty => LaterDrain is not { Count: > 0 } && Preferred is not { Count: > 0 };

    /// <summary>The tier of <paramref name="node"/>.</summary>
    public TargetTier TierOf(string node) =>
        LaterDrain is { Count: > 0 } later && later.Contains(node) ? TargetTier.LaterDrain
        : Preferred is { Count: > 0 } preferred && preferred.Contains(node) ? TargetTier.Preferred
        : TargetTier.Neutral;
}
