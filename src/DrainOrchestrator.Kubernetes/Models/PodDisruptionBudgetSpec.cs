namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>What a PodDisruptionBudget protects and how much (policy/v1 PodDisruptionBudgetSpec).</summary>
public sealed class PodDisruptionBudgetSpec : WireModel
{
    /// <summary>The pods it covers; null covers none, an empty selector every pod of the namespace.</summary>
    public LabelSelector? Selector { get; set; }

    /// <summary>The most pods unavailable at once: a number or a percentage of the covered pods (rounded up).</summary>
    public IntOrString? MaxUnavailable { get; set; }

    /// <summary>The fewest pods available at once: a number or a percentage of the covered pods (rounded up).</summary>
    public IntOrString? MinAvailable { get; set; }

    /// <summary>When a pod that is not yet healthy may be evicted (<c>IfHealthyBudget</c> or <c>AlwaysAllow</c>).</summary>
    public string? UnhealthyPodEvictionPolicy { get; set; }
}
