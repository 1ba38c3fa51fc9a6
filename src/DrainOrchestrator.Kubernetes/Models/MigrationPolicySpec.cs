namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Selectors and options of a migration policy (migrations.kubevirt.io/v1alpha1 MigrationPolicySpec).</summary>
public sealed class MigrationPolicySpec : WireModel
{
    /// <summary>Which VMIs the policy applies to.</summary>
    public MigrationPolicySelectors? Selectors { get; set; }

    /// <summary>Overrides the cluster value when set.</summary>
    public bool? AllowAutoConverge { get; set; }

    /// <summary>Overrides the cluster value when set.</summary>
    public Quantity? BandwidthPerMigration { get; set; }

    /// <summary>Overrides the cluster value when set.</summary>
    public long? CompletionTimeoutPerGiB { get; set; }

    /// <summary>Overrides the cluster value when set.</summary>
    public long? MaxDowntimeMs { get; set; }

    /// <summary>Overrides the cluster value when set.</summary>
    public bool? AllowPostCopy { get; set; }

    /// <summary>Overrides the cluster value when set.</summary>
    public bool? AllowWorkloadDisruption { get; set; }
}
