namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Scheduling constraints of a pod or VMI (core/v1 Affinity).</summary>
public sealed class Affinity : WireModel
{
    /// <summary>Constraints on the node's labels.</summary>
    public NodeAffinity? NodeAffinity { get; set; }

    /// <summary>Co-location with other pods.</summary>
    public PodAffinity? PodAffinity { get; set; }

    /// <summary>Separation from other pods (same shape as pod affinity).</summary>
    public PodAffinity? PodAntiAffinity { get; set; }
}
