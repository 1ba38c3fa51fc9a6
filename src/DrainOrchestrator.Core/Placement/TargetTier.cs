namespace DrainOrchestrator.Core.Placement;

/// <summary>How welcome a node is as a migration target, best first (the order compares).</summary>
public enum TargetTier
{
    /// <summary>Not looked up yet (never returned by <see cref="TargetPreference.TierOf"/>).</summary>
    Unknown = 0,

    /// <summary>A preferred target: a node already upgraded or drained in an earlier batch.</summary>
    Preferred = 1,

    /// <summary>Neither preferred nor due for a later drain.</summary>
    Neutral = 2,

    /// <summary>Due for a later drain: a VM placed there moves again, so it is a last resort.</summary>
    LaterDrain = 3,
}
