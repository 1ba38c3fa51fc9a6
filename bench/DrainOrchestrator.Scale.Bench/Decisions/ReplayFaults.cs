namespace DrainOrchestrator.Scale.Bench.Decisions;

/// <summary>
/// How rough a replayed drain is. The timing runs use <see cref="Calm"/> (1% of migrations fail); the decision trace also
/// replays rough drains, so that two builds of Core are compared on retries, post-copy, VMs given up, VMIs that vanish or
/// are moved by someone else, foreign migrations, nodes held by other drains and nodes due for a later drain.
/// </summary>
internal sealed record ReplayFaults
{
    public static ReplayFaults Calm { get; } = new();

    /// <summary>Share of finishing migrations that fail (the failure kind rotates).</summary>
    public double FailureRate { get; init; } = 0.01;

    /// <summary>Chance per event that a planned VMI not in flight is deleted.</summary>
    public double GoneRate { get; init; }

    /// <summary>Chance per event that a planned VMI not in flight is moved to another node by someone else.</summary>
    public double MovedRate { get; init; }

    /// <summary>Two VMIMs the orchestrator did not create: one for a planned VMI, one between two other nodes.</summary>
    public bool ForeignMigrations { get; init; }

    public IReadOnlySet<string>? OtherDrainingNodes { get; init; }

    public IReadOnlySet<string>? LaterDrainNodes { get; init; }
}
