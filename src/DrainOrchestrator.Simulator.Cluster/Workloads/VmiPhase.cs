namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The phase of a VirtualMachineInstance.</summary>
public enum VmiPhase
{
    /// <summary>Created, no node yet.</summary>
    Pending,

    /// <summary>A launcher pod exists and is being scheduled.</summary>
    Scheduling,

    /// <summary>The launcher pod is placed.</summary>
    Scheduled,

    /// <summary>The guest runs.</summary>
    Running,

    /// <summary>The guest shut down cleanly.</summary>
    Succeeded,

    /// <summary>The guest was lost.</summary>
    Failed,

    /// <summary>A receiver VM's VMI waiting for a decentralized migration to fill it (no pod, no node).</summary>
    WaitingForSync,
}
