namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A volume of a VMI (kubevirt.io/v1 Volume): the sources that carry a disk to copy; others kept verbatim.</summary>
public sealed class VmVolume : WireModel
{
    /// <summary>The volume's name, matching a disk.</summary>
    public string? Name { get; set; }

    /// <summary>A DataVolume source.</summary>
    public VmVolumeDataVolume? DataVolume { get; set; }

    /// <summary>A PVC source.</summary>
    public VmVolumeClaim? PersistentVolumeClaim { get; set; }
}
