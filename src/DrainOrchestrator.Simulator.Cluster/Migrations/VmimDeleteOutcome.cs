namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The outcome of <see cref="SimulatedCluster.DeleteMigration"/>.</summary>
public enum VmimDeleteOutcome
{
    /// <summary>No such VMIM.</summary>
    NotFound,

    /// <summary>The VMIM is gone (it was final, or was cancelled before hand-off).</summary>
    Removed,

    /// <summary>The migration was running: an abort is in progress and the VMIM stays (with a deletion timestamp) until it is final.</summary>
    Aborting,
}
