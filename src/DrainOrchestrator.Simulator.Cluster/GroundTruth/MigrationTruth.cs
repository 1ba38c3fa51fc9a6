namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>One migration as it really happened.</summary>
public sealed record MigrationTruth
{
    /// <summary>The VMIM namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The VMIM name.</summary>
    public required string Name { get; init; }

    /// <summary>The VMIM uid.</summary>
    public required string Uid { get; init; }

    /// <summary>The VMI migrated.</summary>
    public required string VmiName { get; init; }

    /// <summary>The node the VMI left (null if never admitted).</summary>
    public string? SourceNode { get; init; }

    /// <summary>The node the target pod was placed on (null if never placed).</summary>
    public string? TargetNode { get; init; }

    /// <summary>When the VMIM was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Every phase entered, with its time.</summary>
    public required IReadOnlyList<PhaseTransition> PhaseTransitions { get; init; }

    /// <summary>The last phase seen.</summary>
    public required MigrationPhase Phase { get; init; }

    /// <summary>How it ended.</summary>
    public required MigrationOutcome Outcome { get; init; }

    /// <summary>Why it failed.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The final transfer mode (null if memory transfer never started).</summary>
    public MigrationMode? Mode { get; init; }

    /// <summary>Bytes sent over the migration network.</summary>
    public required long BytesProcessed { get; init; }

    /// <summary>The MigrationPolicy that applied, if any.</summary>
    public string? MigrationPolicyName { get; init; }

    /// <summary>The target virt-handler's migration address, once handed off (on the migration network or the pod network).</summary>
    public string? TargetNodeAddress { get; init; }
}
