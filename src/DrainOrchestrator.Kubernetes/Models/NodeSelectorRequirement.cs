namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>One requirement on a node label or field (core/v1 NodeSelectorRequirement).</summary>
public sealed class NodeSelectorRequirement : WireModel
{
    /// <summary>Label key or field path.</summary>
    public string? Key { get; set; }

    /// <summary><c>In</c>, <c>NotIn</c>, <c>Exists</c>, <c>DoesNotExist</c>, <c>Gt</c> or <c>Lt</c>.</summary>
    public string? Operator { get; set; }

    /// <summary>Values for In, NotIn, Gt and Lt.</summary>
    public List<string>? Values { get; set; }
}
