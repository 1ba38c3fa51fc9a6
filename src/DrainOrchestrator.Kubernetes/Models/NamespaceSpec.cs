namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Desired state of a namespace (core/v1 NamespaceSpec).</summary>
public sealed class NamespaceSpec : WireModel
{
    /// <summary>Finalizers run before the namespace is removed.</summary>
    public List<string>? Finalizers { get; set; }
}
