namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The parts of a pod spec the orchestrator reads (core/v1 PodSpec).</summary>
public sealed class PodSpec : WireModel
{
    /// <summary>Node the pod is bound to.</summary>
    public string? NodeName { get; set; }

    /// <summary>Node labels required for scheduling.</summary>
    public Dictionary<string, string>? NodeSelector { get; set; }

    /// <summary>Scheduling constraints.</summary>
    public Affinity? Affinity { get; set; }

    /// <summary>Tolerated taints.</summary>
    public List<Toleration>? Tolerations { get; set; }

    /// <summary>The containers.</summary>
    public List<Container>? Containers { get; set; }

    /// <summary>Priority class.</summary>
    public string? PriorityClassName { get; set; }

    /// <summary>Scheduler responsible for the pod.</summary>
    public string? SchedulerName { get; set; }
}
