namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A node taint (core/v1 Taint).</summary>
public sealed class Taint : WireModel
{
    /// <summary>Taint key.</summary>
    public string? Key { get; set; }

    /// <summary>Taint value.</summary>
    public string? Value { get; set; }

    /// <summary><c>NoSchedule</c>, <c>PreferNoSchedule</c> or <c>NoExecute</c>.</summary>
    public string? Effect { get; set; }

    /// <summary>When a <c>NoExecute</c> taint was added.</summary>
    public DateTimeOffset? TimeAdded { get; set; }
}
