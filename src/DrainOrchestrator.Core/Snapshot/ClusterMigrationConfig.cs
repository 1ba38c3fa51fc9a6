namespace DrainOrchestrator.Core.Snapshot;

/// <summary>The KubeVirt CR's migration configuration (<c>spec.configuration.migrations</c>) and eviction default.</summary>
/// <param name="ParallelMigrationsPerCluster">Cluster-wide limit of running migrations.</param>
/// <param name="ParallelOutboundMigrationsPerNode">Limit of running migrations out of one node.</param>
/// <param name="ProgressTimeout">How long remaining data may stay flat before the migration is aborted.</param>
/// <param name="Settings">The cluster-wide values of the per-policy options.</param>
/// <param name="DefaultEvictionStrategy">The cluster's <c>spec.configuration.evictionStrategy</c>.</param>
public sealed record ClusterMigrationConfig(
    int ParallelMigrationsPerCluster,
    int ParallelOutboundMigrationsPerNode,
    TimeSpan ProgressTimeout,
    MigrationSettings Settings,
    EvictionStrategy DefaultEvictionStrategy)
{
    /// <summary>KubeVirt's upstream defaults: 5 per cluster, 2 per node, 150 s progress timeout.</summary>
    public static ClusterMigrationConfig KubeVirtDefaults { get; } = new(
        5, 2, TimeSpan.FromSeconds(150), MigrationSettings.KubeVirtDefaults, EvictionStrategy.None);
}
