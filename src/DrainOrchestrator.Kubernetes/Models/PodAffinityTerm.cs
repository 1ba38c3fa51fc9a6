namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Pods selected in a topology domain (core/v1 PodAffinityTerm).</summary>
public sealed class PodAffinityTerm : WireModel
{
    /// <summary>The pods concerned.</summary>
    public LabelSelector? LabelSelector { get; set; }

    /// <summary>Namespaces searched; empty means the pod's own.</summary>
    public List<string>? Namespaces { get; set; }

    /// <summary>Namespaces searched, by label.</summary>
    public LabelSelector? NamespaceSelector { get; set; }

    /// <summary>Node label defining the domain, e.g. <c>kubernetes.io/hostname</c>.</summary>
    public string? TopologyKey { get; set; }
}
