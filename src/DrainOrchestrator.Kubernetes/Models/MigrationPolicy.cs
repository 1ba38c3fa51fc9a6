namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Migration options for the VMIs it selects (migrations.kubevirt.io/v1alpha1 MigrationPolicy, cluster-scoped).</summary>
public sealed class MigrationPolicy : KubernetesObject, IKubernetesResource<MigrationPolicy>
{
    /// <summary>Creates an empty MigrationPolicy stamped with its apiVersion and kind.</summary>
    public MigrationPolicy()
        : base(KubernetesResources.MigrationPolicy.ApiVersion, KubernetesResources.MigrationPolicy.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.MigrationPolicy;

    /// <summary>The selectors and the options.</summary>
    public MigrationPolicySpec Spec { get; set; } = new();

    /// <summary>Observed state (empty today).</summary>
    public MigrationPolicyStatus? Status { get; set; }
}
