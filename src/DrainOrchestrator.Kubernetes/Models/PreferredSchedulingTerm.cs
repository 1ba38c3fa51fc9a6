namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A weighted node preference (core/v1 PreferredSchedulingTerm).</summary>
public sealed class PreferredSchedulingTerm : WireModel
{
    /// <summary>Weight in 1..100.</summary>
    public int Weight { get; set; }

    /// <summary>The preferred term.</summary>
    public NodeSelectorTerm Preference { get; set; } = new();
}
