namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A CDI DataVolume (cdi.kubevirt.io/v1beta1): a PVC and how to fill it; blank for a decentralized migration's target disk.</summary>
public sealed class DataVolume : KubernetesObject, IKubernetesResource<DataVolume>
{
    /// <summary>Creates an empty DataVolume stamped with its apiVersion and kind.</summary>
    public DataVolume()
        : base(KubernetesResources.DataVolume.ApiVersion, KubernetesResources.DataVolume.Kind)
    {
    }

    /// <inheritdoc />
    public static ResourceDescriptor Resource => KubernetesResources.DataVolume;

    /// <summary>Desired state (immutable once created).</summary>
    public DataVolumeSpec? Spec { get; set; }

    /// <summary>Observed state.</summary>
    public DataVolumeStatus? Status { get; set; }
}
