namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Desired state of a DataVolume (cdi.kubevirt.io/v1beta1 DataVolumeSpec): the source and the storage to create.</summary>
public sealed class DataVolumeSpec : WireModel
{
    /// <summary>Where the content comes from; <c>blank: {}</c> for an empty disk.</summary>
    public DataVolumeSource? Source { get; set; }

    /// <summary>The storage to request (CDI completes access and volume modes from the storage class).</summary>
    public DataVolumeStorage? Storage { get; set; }

    /// <summary>The PVC spec, the older alternative to <see cref="Storage"/> (same fields read).</summary>
    public DataVolumeStorage? Pvc { get; set; }
}
