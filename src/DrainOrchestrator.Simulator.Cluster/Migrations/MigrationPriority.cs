namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// A VMIM's <c>spec.priority</c> (KubeVirt's MigrationPriorityQueue): which waiting migration gets a free slot first.
/// Only virt-controller sets it; a VMIM without one ranks below all three.
/// </summary>
public enum MigrationPriority
{
    /// <summary><c>system-maintenance</c>: e.g. the descheduler's rebalancing.</summary>
    SystemMaintenance = 20,

    /// <summary><c>user-triggered</c>: e.g. hot plug.</summary>
    UserTriggered = 50,

    /// <summary><c>system-critical</c>: evacuations and workload updates.</summary>
    SystemCritical = 100,
}
