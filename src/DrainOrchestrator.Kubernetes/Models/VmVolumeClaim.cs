namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A volume's <c>persistentVolumeClaim</c> source.</summary>
public sealed class VmVolumeClaim : WireModel
{
    /// <summary>The PVC's name.</summary>
    public string? ClaimName { get; set; }
}
