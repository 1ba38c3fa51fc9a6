namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Pod affinity or anti-affinity (core/v1 PodAffinity / PodAntiAffinity).</summary>
public sealed class PodAffinity : WireModel
{
    /// <summary>Terms that must all hold.</summary>
    public List<PodAffinityTerm>? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    /// <summary>Weighted preferences.</summary>
    public List<WeightedPodAffinityTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }
}
