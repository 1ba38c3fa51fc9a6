namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// A <c>migrations.kubevirt.io/v1alpha1</c> MigrationPolicy. Selectors are plain label maps (every key must match);
/// each non-null option overrides the cluster value for the VMIs the policy wins.
/// </summary>
public sealed record MigrationPolicy
{
    /// <summary>The policy name (cluster-scoped).</summary>
    public required string Name { get; init; }

    /// <summary><c>spec.selectors.namespaceSelector</c>.</summary>
    public IReadOnlyDictionary<string, string> NamespaceSelector { get; init; } = new Dictionary<string, string>();

    /// <summary><c>spec.selectors.virtualMachineInstanceSelector</c>.</summary>
    public IReadOnlyDictionary<string, string> VirtualMachineInstanceSelector { get; init; } = new Dictionary<string, string>();

    /// <summary>Overrides <see cref="MigrationConfig.AllowAutoConverge"/>.</summary>
    public bool? AllowAutoConverge { get; init; }

    /// <summary>Overrides <see cref="MigrationConfig.BandwidthPerMigration"/> (bytes per second).</summary>
    public long? BandwidthPerMigration { get; init; }

    /// <summary>Overrides <see cref="MigrationConfig.CompletionTimeoutPerGiB"/>.</summary>
    public TimeSpan? CompletionTimeoutPerGiB { get; init; }

    /// <summary>Overrides <see cref="MigrationConfig.AllowPostCopy"/>.</summary>
    public bool? AllowPostCopy { get; init; }

    /// <summary>Overrides <see cref="MigrationConfig.AllowWorkloadDisruption"/>.</summary>
    public bool? AllowWorkloadDisruption { get; init; }

    /// <summary>Overrides <see cref="MigrationConfig.MaxDowntime"/>.</summary>
    public TimeSpan? MaxDowntime { get; init; }
}
