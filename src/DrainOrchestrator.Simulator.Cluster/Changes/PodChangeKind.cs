namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>What happened to a pod in a <see cref="PodChanged"/>.</summary>
public enum PodChangeKind
{
    /// <summary>The pod was created (unscheduled unless it was created bound).</summary>
    Created,

    /// <summary>The scheduler bound the pod to a node.</summary>
    Bound,

    /// <summary>The pod's phase changed.</summary>
    PhaseChanged,
}
