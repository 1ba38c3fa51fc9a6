namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>An immutable view of one node.</summary>
/// <param name="Name">The node name.</param>
/// <param name="Labels">The node labels (always including <c>kubernetes.io/hostname</c>).</param>
/// <param name="Taints">The node taints.</param>
/// <param name="Unschedulable">Whether the node is cordoned (<c>spec.unschedulable</c>).</param>
/// <param name="Ready">The node's Ready condition.</param>
/// <param name="KubeletVersion"><c>status.nodeInfo.kubeletVersion</c>.</param>
/// <param name="MemoryBytes">Allocatable memory.</param>
/// <param name="AllocatedMemoryBytes">Memory requested by the virt-launcher pods bound to the node.</param>
/// <param name="NicBandwidthBytesPerSecond">Migration NIC bandwidth each way.</param>
/// <param name="MigrationNetworkUp">False while a migration-network fault is active on the node.</param>
public sealed record NodeSnapshot(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<NodeTaint> Taints,
    bool Unschedulable,
    bool Ready,
    string KubeletVersion,
    long MemoryBytes,
    long AllocatedMemoryBytes,
    long NicBandwidthBytesPerSecond,
    bool MigrationNetworkUp)
{
    /// <summary>
    /// The annotations the model owns: the migration bandwidth hint when the scenario sets hints, and the upgrader's
    /// (<see cref="UpgradeAnnotations"/>) once the node has been marked for upgrade.
    /// </summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = HintAnnotations.None;

    /// <summary>Whether the Node object was deleted (the API no longer serves it).</summary>
    public bool Deleted { get; init; }

    /// <summary>Why the node is NotReady when the upgrader has it down for its reboot; null otherwise (also for NotReady faults).</summary>
    public string? NotReadyMessage { get; init; }
}
