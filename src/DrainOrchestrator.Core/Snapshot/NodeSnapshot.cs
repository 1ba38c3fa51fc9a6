namespace DrainOrchestrator.Core.Snapshot;

/// <summary>A node as the planner and scheduler see it.</summary>
/// <param name="Name">The node name (also its <c>kubernetes.io/hostname</c> label, by convention).</param>
/// <param name="Labels">The node labels.</param>
/// <param name="Taints">The node taints.</param>
/// <param name="Unschedulable">True when the node is cordoned.</param>
/// <param name="Ready">The node's Ready condition is True.</param>
/// <param name="AllocatableMemoryBytes">Allocatable memory.</param>
/// <param name="RequestedMemoryBytes">Memory requested by the pods bound to the node.</param>
/// <param name="NicBandwidthBytesPerSecond">Bandwidth of the migration network interface, when known.</param>
/// <param name="KubeletVersion">The kubelet version reported by the node.</param>
public sealed record NodeSnapshot(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Taint> Taints,
    bool Unschedulable,
    bool Ready,
    long AllocatableMemoryBytes,
    long RequestedMemoryBytes,
    long? NicBandwidthBytesPerSecond,
    string KubeletVersion)
{
    /// <summary>Allocatable memory not yet requested by pods (never negative).</summary>
    public long FreeMemoryBytes => Math.Max(0, AllocatableMemoryBytes - RequestedMemoryBytes);
}
