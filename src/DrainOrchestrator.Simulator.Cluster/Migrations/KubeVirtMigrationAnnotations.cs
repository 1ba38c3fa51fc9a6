namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The annotations and taint by which KubeVirt marks and triggers its own migrations.</summary>
public static class KubeVirtMigrationAnnotations
{
    /// <summary>On a VMIM KubeVirt's evacuation controller created; the value is the node being evacuated.</summary>
    public const string Evacuation = "kubevirt.io/evacuationMigration";

    /// <summary>On a VMIM KubeVirt's workload updater created (drain-sim has no workload updater).</summary>
    public const string WorkloadUpdate = "kubevirt.io/workloadUpdateMigration";

    /// <summary>The taint (effect NoSchedule) that makes KubeVirt's evacuation controller empty a node.</summary>
    public const string DrainTaint = "kubevirt.io/drain";

    /// <summary>The generateName prefix of evacuation VMIMs.</summary>
    public const string EvacuationNamePrefix = "kubevirt-evacuation-";
}
