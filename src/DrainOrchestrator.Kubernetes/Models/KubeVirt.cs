namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The KubeVirt installation and its cluster-wide configuration (kubevirt.io/v1 KubeVirt).</summary>
public sealed class KubeVirt : KubernetesObject, IKubernetesResource<KubeVirt>
{
    /// <summary>Creates an empty KubeVirt stamped with its apiVersion and kind.</summary>
    public KubeVirt()
        : base(KubernetesResources.KubeVirt.ApiVersion, KubernetesResources.KubeVirt.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.KubeVirt;

    /// <summary>Desired state.</summary>
    public KubeVirtSpec Spec { get; set; } = new();

    /// <summary>Observed state.</summary>
    public KubeVirtStatus? Status { get; set; }
}
