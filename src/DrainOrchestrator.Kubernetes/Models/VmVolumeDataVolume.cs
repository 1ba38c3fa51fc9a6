namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A volume's <c>dataVolume</c> source: the DataVolume's name in the VM's namespace.</summary>
public sealed class VmVolumeDataVolume : WireModel
{
    /// <summary>The DataVolume's name.</summary>
    public string? Name { get; set; }
}
