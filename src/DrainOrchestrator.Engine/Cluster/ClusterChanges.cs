namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// The objects that changed in a <see cref="ClusterCache"/> between two versions, by informer key: what a consumer
/// must look at again to be current. <see cref="All"/> when the cache cannot tell (it was filled by a list, or its log no
/// longer reaches that far back): then everything must be looked at again.
/// </summary>
/// <param name="Through">The cache's version these changes bring a consumer to.</param>
/// <param name="All">Whether everything must be looked at again; the key sets are empty then.</param>
/// <param name="Nodes">Node names that changed.</param>
/// <param name="Vmis">VMI keys that changed.</param>
/// <param name="Migrations">VMIM keys that changed.</param>
/// <param name="VirtualMachines">VirtualMachine keys that changed.</param>
/// <param name="Others">The kinds of the few cluster-wide objects that changed: namespaces, MigrationPolicies, the KubeVirt CR, PodDisruptionBudgets.</param>
public sealed record ClusterChanges(
    long Through,
    bool All,
    IReadOnlySet<string> Nodes,
    IReadOnlySet<string> Vmis,
    IReadOnlySet<string> Migrations,
    IReadOnlySet<string> VirtualMachines,
    IReadOnlySet<ClusterKind> Others)
{
    /// <summary>Everything, as of <paramref name="through"/>.</summary>
    public static ClusterChanges Everything(long through) =>
        new(through, true, new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<ClusterKind>());

    /// <summary>How many changed objects this names (0 for <see cref="All"/>).</summary>
    public int Count => Nodes.Count + Vmis.Count + Migrations.Count + VirtualMachines.Count + Others.Count;
}
