namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The source of a DataVolume's content (cdi.kubevirt.io/v1beta1 DataVolumeSource); only <see cref="Blank"/> is modelled.</summary>
public sealed class DataVolumeSource : WireModel
{
    /// <summary>An empty disk: present (an empty object) or absent.</summary>
    public DataVolumeBlankSource? Blank { get; set; }
}
