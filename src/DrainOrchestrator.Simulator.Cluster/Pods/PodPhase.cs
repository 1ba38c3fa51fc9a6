namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The phase of a virt-launcher pod.</summary>
public enum PodPhase
{
    /// <summary>Not yet running (unscheduled or starting).</summary>
    Pending,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Exited cleanly.</summary>
    Succeeded,

    /// <summary>Failed to start or crashed.</summary>
    Failed,
}
