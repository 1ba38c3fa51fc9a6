namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Node affinity (core/v1 NodeAffinity).</summary>
public sealed class NodeAffinity : WireModel
{
    /// <summary>Terms of which at least one must match.</summary>
    public NodeSelector? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    /// <summary>Weighted preferences.</summary>
    public List<PreferredSchedulingTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }
}
