namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A label query (meta/v1 LabelSelector).</summary>
public sealed class LabelSelector : WireModel
{
    /// <summary>Labels that must be equal.</summary>
    public Dictionary<string, string>? MatchLabels { get; set; }

    /// <summary>Set-based requirements.</summary>
    public List<LabelSelectorRequirement>? MatchExpressions { get; set; }
}
