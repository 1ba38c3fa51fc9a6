namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A coordination lease (coordination.k8s.io/v1 Lease), used to keep other tools off a node.</summary>
public sealed class Lease : KubernetesObject, IKubernetesResource<Lease>
{
    /// <summary>Creates an empty Lease stamped with its apiVersion and kind.</summary>
    public Lease()
        : base(KubernetesResources.Lease.ApiVersion, KubernetesResources.Lease.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.Lease;

    /// <summary>The lease state.</summary>
    public LeaseSpec? Spec { get; set; }
}
