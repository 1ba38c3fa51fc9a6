namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>One set-based label requirement (meta/v1 LabelSelectorRequirement).</summary>
public sealed class LabelSelectorRequirement : WireModel
{
    /// <summary>Label key.</summary>
    public string? Key { get; set; }

    /// <summary><c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>.</summary>
    public string? Operator { get; set; }

    /// <summary>Values for In and NotIn.</summary>
    public List<string>? Values { get; set; }
}
