namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>
/// The KubeVirt CR's migration settings changed while the drain ran; the drain follows the new ones from the next pass
/// (no new start above a lowered limit; migrations in flight above it are left to finish).
/// </summary>
/// <param name="Old">The settings the drain followed until now.</param>
/// <param name="New">The settings it follows from now on.</param>
[JournalEvent("cluster.limits_changed", 1)]
public sealed record ClusterLimitsChanged(ClusterLimits Old, ClusterLimits New) : JournalEvent;

/// <summary>The KubeVirt CR's migration settings a drain follows (KubeVirt's defaults filled in).</summary>
/// <param name="ParallelMigrationsPerCluster">parallelMigrationsPerCluster.</param>
/// <param name="ParallelOutboundMigrationsPerNode">parallelOutboundMigrationsPerNode.</param>
/// <param name="BandwidthPerMigrationBytesPerSecond">bandwidthPerMigration in bytes per second (0: unlimited).</param>
/// <param name="CompletionTimeoutPerGiBSeconds">completionTimeoutPerGiB.</param>
/// <param name="ProgressTimeoutSeconds">progressTimeout.</param>
public sealed record ClusterLimits(
    int ParallelMigrationsPerCluster,
    int ParallelOutboundMigrationsPerNode,
    long BandwidthPerMigrationBytesPerSecond,
    double CompletionTimeoutPerGiBSeconds,
    double ProgressTimeoutSeconds);

/// <summary>
/// What the drain owned in the cluster and nothing unfinished needed any more was removed: when an engine took the drain
/// up (a crash may have left a policy or label behind) or when the drain finished.
/// </summary>
/// <param name="When"><c>recovery</c> or <c>finish</c>.</param>
/// <param name="Policies">The post-copy MigrationPolicies deleted.</param>
/// <param name="Labels">The VMIs (namespace/name) whose post-copy marker label was removed.</param>
[JournalEvent("drain.owned_swept", 1)]
public sealed record OwnedObjectsSwept(string When, IReadOnlyList<string> Policies, IReadOnlyList<string> Labels) : JournalEvent;
