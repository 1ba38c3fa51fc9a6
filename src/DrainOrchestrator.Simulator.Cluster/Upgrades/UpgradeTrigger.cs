namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>When the upgrader starts on a node marked for upgrade.</summary>
public enum UpgradeTrigger
{
    /// <summary>
    /// The start delay after the node is cordoned and no virt-launcher pod is bound to it: the upgrader waits for someone
    /// (the orchestrator) to drain the node first, however long that takes.
    /// </summary>
    CordonedAndEmpty,

    /// <summary>The start delay after the node is marked, cordoned or not; guests still on it are handled per <see cref="OccupiedNodePolicy"/>.</summary>
    Marked,
}
