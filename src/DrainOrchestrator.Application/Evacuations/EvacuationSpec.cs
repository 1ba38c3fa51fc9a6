using DrainOrchestrator.Application.Clusters;

namespace DrainOrchestrator.Application.Evacuations;

/// <summary>
/// An evacuation request: VMs of <see cref="SourceNamespace"/> (named, or by <see cref="Selector"/>) moved by
/// decentralized live migration to <see cref="TargetNamespace"/>, in the same cluster or in <see cref="TargetCluster"/>.
/// </summary>
/// <param name="SourceNamespace">Where the VMs are.</param>
/// <param name="TargetNamespace">Where they go.</param>
/// <param name="VmNames">The VMs by name; empty when <see cref="Selector"/> is given.</param>
/// <param name="Selector">A label selector of VMs; null when <see cref="VmNames"/> are given.</param>
/// <param name="SourceCluster">The cluster the VMs leave.</param>
/// <param name="TargetCluster">The cluster they go to; null for the source cluster (namespace to namespace).</param>
public sealed record EvacuationSpec(string SourceNamespace, string TargetNamespace, IReadOnlyList<string> VmNames, string? Selector,
    ClusterTarget SourceCluster, ClusterTarget? TargetCluster)
{
    /// <summary>How many migrationIDs each VM gets before it is given up.</summary>
    public int MaxAttempts { get; init; } = Engine.Evacuate.EvacuationOptions.DefaultMaxAttempts;

    /// <summary>Keep a failed attempt's receiver VM and DataVolumes instead of deleting them.</summary>
    public bool KeepReceiversOnFailure { get; init; }

    /// <summary>The storage class of the blank DataVolumes; null for each disk's own.</summary>
    public string? StorageClass { get; init; }
}
