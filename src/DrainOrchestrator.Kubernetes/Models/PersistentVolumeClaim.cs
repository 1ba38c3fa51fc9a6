namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A core/v1 PersistentVolumeClaim: read for the size of a disk a decentralized migration copies.</summary>
public sealed class PersistentVolumeClaim : KubernetesObject, IKubernetesResource<PersistentVolumeClaim>
{
    /// <summary>Creates an empty PersistentVolumeClaim stamped with its apiVersion and kind.</summary>
    public PersistentVolumeClaim()
        : base(KubernetesResources.PersistentVolumeClaim.ApiVersion, KubernetesResources.PersistentVolumeClaim.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.PersistentVolumeClaim;

    /// <summary>Desired state: class, size, modes.</summary>
    public DataVolumeStorage? Spec { get; set; }
}
