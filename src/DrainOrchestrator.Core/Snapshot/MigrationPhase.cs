namespace DrainOrchestrator.Core.Snapshot;

/// <summary>A VMIM's <c>status.phase</c>.</summary>
public enum MigrationPhase
{
    /// <summary>No phase reported yet, or one this code does not know.</summary>
    Unknown,

    /// <summary>Waiting for admission under the limits.</summary>
    Pending,

    /// <summary>The target pod is being scheduled.</summary>
    Scheduling,

    /// <summary>The target pod is scheduled.</summary>
    Scheduled,

    /// <summary>The target is being prepared.</summary>
    PreparingTarget,

    /// <summary>The target is ready to receive.</summary>
    TargetReady,

    /// <summary>Memory is being transferred.</summary>
    Running,

    /// <summary>Decentralized migration: waiting for the peer.</summary>
    WaitingForSync,

    /// <summary>Decentralized migration: synchronizing with the peer.</summary>
    Synchronizing,

    /// <summary>Finished: the VMI runs on the target.</summary>
    Succeeded,

    /// <summary>Finished: the VMI stayed on the source.</summary>
    Failed,
}
