namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>How a migration ended, as the ground truth records it.</summary>
public enum MigrationOutcome
{
    /// <summary>Not finished when the report was taken.</summary>
    Unfinished,

    /// <summary>The guest runs on the target.</summary>
    Succeeded,

    /// <summary>Failed on its own (timeout, placement, network, lost VMI).</summary>
    Failed,

    /// <summary>Cancelled by deleting the VMIM.</summary>
    Aborted,
}
