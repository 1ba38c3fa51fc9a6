using DrainOrchestrator.Kubernetes.Client;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>
/// The two cluster connections of an evacuation. For a move between namespaces of one cluster both are the same client
/// and cluster name; then every slot a pair takes is taken twice from that cluster's limit (kubevirt #15767).
/// </summary>
/// <param name="Source">The client of the cluster the VMs leave.</param>
/// <param name="SourceCluster">Its name (the API server's address, as drains name clusters).</param>
/// <param name="Target">The client of the cluster the VMs go to.</param>
/// <param name="TargetCluster">Its name.</param>
public sealed record EvacuationSides(KubernetesClient Source, string SourceCluster, KubernetesClient Target, string TargetCluster)
{
    /// <summary>Whether both sides are one cluster.</summary>
    public bool SameCluster => string.Equals(SourceCluster, TargetCluster, StringComparison.Ordinal);
}
