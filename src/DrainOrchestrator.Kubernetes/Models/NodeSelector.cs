namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A disjunction of node selector terms (core/v1 NodeSelector).</summary>
public sealed class NodeSelector : WireModel
{
    /// <summary>The terms; any one matching suffices.</summary>
    public List<NodeSelectorTerm> NodeSelectorTerms { get; set; } = [];
}
