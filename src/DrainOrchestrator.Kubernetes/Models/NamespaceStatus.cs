namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Observed state of a namespace (core/v1 NamespaceStatus).</summary>
public sealed class NamespaceStatus : WireModel
{
    /// <summary><c>Active</c> or <c>Terminating</c>.</summary>
    public string? Phase { get; set; }

    /// <summary>Namespace conditions.</summary>
    public List<Condition>? Conditions { get; set; }
}
