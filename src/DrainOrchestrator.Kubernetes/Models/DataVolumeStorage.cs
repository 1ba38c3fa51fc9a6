namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The storage of a DataVolume or PVC (<c>spec.storage</c>, <c>spec.pvc</c>, a PVC's spec): class, size and modes.</summary>
public sealed class DataVolumeStorage : WireModel
{
    /// <summary>The storage class; null for the cluster's default class.</summary>
    public string? StorageClassName { get; set; }

    /// <summary>The size, as <c>requests.storage</c>.</summary>
    public ResourceRequirements? Resources { get; set; }

    /// <summary>Access modes, e.g. <c>ReadWriteOnce</c>, <c>ReadWriteMany</c>.</summary>
    public List<string>? AccessModes { get; set; }

    /// <summary><c>Filesystem</c> or <c>Block</c>.</summary>
    public string? VolumeMode { get; set; }

    /// <summary>The requested size in bytes, or null when none is given.</summary>
    public long? RequestedBytes() =>
        Resources?.Requests is { } requests && requests.TryGetValue("storage", out var size) ? size.ToInt64() : null;
}
