namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A weighted pod affinity term (core/v1 WeightedPodAffinityTerm).</summary>
public sealed class WeightedPodAffinityTerm : WireModel
{
    /// <summary>Weight in 1..100.</summary>
    public int Weight { get; set; }

    /// <summary>The term.</summary>
    public PodAffinityTerm PodAffinityTerm { get; set; } = new();
}
