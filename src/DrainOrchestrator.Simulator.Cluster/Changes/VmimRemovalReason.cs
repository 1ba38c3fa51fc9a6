namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Why a VMIM left the cluster.</summary>
public enum VmimRemovalReason
{
    /// <summary>Someone deleted it and the finalizer was released.</summary>
    Deleted,

    /// <summary>KubeVirt's garbage collection: more than 5 finished VMIMs for the VMI.</summary>
    GarbageCollected,
}
