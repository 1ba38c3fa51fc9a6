namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A VMI's <c>status.migrationState</c>, field for field.</summary>
public sealed record VmiMigrationState
{
    /// <summary>When memory transfer started.</summary>
    public DateTimeOffset? StartTimestamp { get; init; }

    /// <summary>When the migration ended.</summary>
    public DateTimeOffset? EndTimestamp { get; init; }

    /// <summary>The migration attempt is over (successfully or not).</summary>
    public bool Completed { get; init; }

    /// <summary>The migration attempt failed.</summary>
    public bool Failed { get; init; }

    /// <summary>Why it failed.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Someone asked to abort it.</summary>
    public bool AbortRequested { get; init; }

    /// <summary>How the abort went.</summary>
    public AbortStatus? AbortStatus { get; init; }

    /// <summary>The VMIM's uid.</summary>
    public required string MigrationUid { get; init; }

    /// <summary>The node the guest leaves.</summary>
    public required string SourceNode { get; init; }

    /// <summary>The source virt-launcher pod.</summary>
    public required string SourcePod { get; init; }

    /// <summary>The node the guest goes to.</summary>
    public required string TargetNode { get; init; }

    /// <summary>The target virt-launcher pod.</summary>
    public required string TargetPod { get; init; }

    /// <summary>The address virt-handler on the target listens on.</summary>
    public string? TargetNodeAddress { get; init; }

    /// <summary>How the memory is being moved.</summary>
    public MigrationMode? Mode { get; init; }

    /// <summary>The MigrationPolicy that won at hand-off, if any.</summary>
    public string? MigrationPolicyName { get; init; }

    /// <summary>The options resolved at hand-off.</summary>
    public EffectiveMigrationConfiguration? MigrationConfiguration { get; init; }
}
