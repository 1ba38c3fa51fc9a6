namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>What the driving part of a run reports before the run is judged.</summary>
/// <param name="EngineCompleted">Whether the engines ended as the fault kind expects (e.g. the last one exited 0).</param>
/// <param name="FaultHit">Whether the fault really struck the drain (not only was injected after it ended, or missed).</param>
internal sealed record ChaosDrive(bool EngineCompleted, bool FaultHit)
{
    /// <summary>The VMI (namespace/name) this fault kind expects the engine to give up on; null when every VMI must move.</summary>
    public string? ExpectedGivenUp { get; init; }

    /// <summary>How many drains the run started (two for concurrent drains on disjoint nodes).</summary>
    public int ExpectedDrains { get; init; } = 1;

    /// <summary>
    /// When the KubeVirt CR's <c>parallelMigrationsPerCluster</c> was lowered mid-drain: the model time and the new
    /// limit, which the drain must honour from one scheduler pass later.
    /// </summary>
    public (DateTimeOffset At, int Limit)? LoweredLimit { get; init; }

    /// <summary>A VMI (namespace/name) someone deleted mid-drain: the engine rightly gives it up (its VM starts a new one).</summary>
    public string? DeletedVmi { get; init; }

    /// <summary>The uid <see cref="DeletedVmi"/> had when its deletion was armed: gone or changed at the end means it struck.</summary>
    public string? DeletedVmiUid { get; init; }

    /// <summary>Guests lost for this cause (e.g. "was deleted": their node was deleted) are the fault's doing, not the engine's.</summary>
    public string? ToleratedLossCause { get; init; }

    /// <summary>What became of the guest the fault struck (post-copy network loss), in a word.</summary>
    public string? GuestOutcome { get; init; }

    /// <summary>The same in a sentence.</summary>
    public string? GuestDetail { get; init; }
}
