namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Observed state of a DataVolume (cdi.kubevirt.io/v1beta1 DataVolumeStatus).</summary>
public sealed class DataVolumeStatus : WireModel
{
    /// <summary><c>Pending</c>, <c>ImportScheduled</c>, ..., <c>Succeeded</c> or <c>Failed</c>.</summary>
    public string? Phase { get; set; }

    /// <summary>e.g. <c>100.0%</c>, or <c>N/A</c>.</summary>
    public string? Progress { get; set; }

    /// <summary>The PVC that holds the data.</summary>
    public string? ClaimName { get; set; }
}
