namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A conjunction of node requirements (core/v1 NodeSelectorTerm).</summary>
public sealed class NodeSelectorTerm : WireModel
{
    /// <summary>Requirements on node labels.</summary>
    public List<NodeSelectorRequirement>? MatchExpressions { get; set; }

    /// <summary>Requirements on node fields (metadata.name).</summary>
    public List<NodeSelectorRequirement>? MatchFields { get; set; }
}
