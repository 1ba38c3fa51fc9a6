namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The options one migration runs with (<c>migrationState.migrationConfiguration</c>): the cluster configuration with
/// the winning MigrationPolicy's fields applied, fixed at hand-off.
/// </summary>
/// <param name="BandwidthPerMigration">Bytes per second; 0 means unlimited.</param>
/// <param name="CompletionTimeoutPerGiB">Completion budget per started decimal GB.</param>
/// <param name="ProgressTimeout">How long the remaining data may stop falling.</param>
/// <param name="AllowPostCopy">Whether post-copy may be used.</param>
/// <param name="AllowAutoConverge">Whether vCPUs may be throttled.</param>
/// <param name="AllowWorkloadDisruption">Whether the guest may be paused or run in post-copy.</param>
/// <param name="MaxDowntime">The allowed stop-and-copy time.</param>
public sealed record EffectiveMigrationConfiguration(
    long BandwidthPerMigration,
    TimeSpan CompletionTimeoutPerGiB,
    TimeSpan ProgressTimeout,
    bool AllowPostCopy,
    bool AllowAutoConverge,
    bool AllowWorkloadDisruption,
    TimeSpan MaxDowntime);
