namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The phase of a VirtualMachineInstanceMigration, in KubeVirt's order.</summary>
public enum MigrationPhase
{
    /// <summary>Created; waiting for the migration controller (and for a free slot under the limits).</summary>
    Pending,

    /// <summary>Decentralized: created on one side, waiting for its peer (same migrationID) and a free slot.</summary>
    WaitingForSync,

    /// <summary>Counted as running: the target pod exists and is being scheduled or started.</summary>
    Scheduling,

    /// <summary>The target pod runs.</summary>
    Scheduled,

    /// <summary>Handed off to virt-handler on the target node.</summary>
    PreparingTarget,

    /// <summary>The target domain is ready to receive.</summary>
    TargetReady,

    /// <summary>Decentralized: paired and counted as running, the receiving side's pod is being set up.</summary>
    Synchronizing,

    /// <summary>Memory is being transferred.</summary>
    Running,

    /// <summary>The guest runs on the target.</summary>
    Succeeded,

    /// <summary>The migration ended without moving the guest.</summary>
    Failed,
}
