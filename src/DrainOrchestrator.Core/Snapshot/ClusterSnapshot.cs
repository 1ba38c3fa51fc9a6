using DrainOrchestrator.Core.Budgets;

namespace DrainOrchestrator.Core.Snapshot;

/// <summary>
/// The cluster at one instant, as the engine maps it from Kubernetes objects. Immutable; the planner and scheduler
/// only read it.
/// </summary>
/// <param name="Nodes">Every node.</param>
/// <param name="Vmis">Every VMI (at least those on the nodes being drained).</param>
/// <param name="Config">The KubeVirt CR's migration configuration.</param>
/// <param name="Policies">Every MigrationPolicy.</param>
/// <param name="UnfinishedMigrations">Every unfinished VMIM, ours and foreign.</param>
public sealed record ClusterSnapshot(
    IReadOnlyList<NodeSnapshot> Nodes,
    IReadOnlyList<VmiSnapshot> Vmis,
    ClusterMigrationConfig Config,
    IReadOnlyList<MigrationPolicySnapshot> Policies,
    IReadOnlyList<MigrationSnapshot> UnfinishedMigrations)
{
    /// <summary>Hints for NIC bandwidths and dirty rates that could not be used; the inputs they were for are unknown.</summary>
    public IReadOnlyList<InvalidHint> InvalidHints { get; init; } = [];

    /// <summary>
    /// Application budgets the cluster states besides the VMIs' annotations: PodDisruptionBudgets covering
    /// virt-launcher pods, as the engine maps them.
    /// </summary>
    public IReadOnlyList<ApplicationBudget> Budgets { get; init; } = [];

    /// <summary>
    /// Guests' dirty rates in bytes per second read from the metrics (KubeVirt's
    /// <c>kubevirt_vmi_dirty_rate_bytes_per_second</c>), by VMI uid; the planner takes them after an annotation
    /// (<see cref="VmiSnapshot.DirtyRateBytesPerSecond"/>) and before earlier migrations. Empty without metrics.
    /// </summary>
    public IReadOnlyDictionary<string, long> MetricDirtyRates { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);
}
