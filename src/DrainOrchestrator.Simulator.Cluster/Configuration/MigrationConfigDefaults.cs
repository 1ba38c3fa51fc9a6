namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>KubeVirt's defaults for <c>spec.configuration.migrations</c> (v1.9).</summary>
public static class MigrationConfigDefaults
{
    /// <summary>Default <c>parallelMigrationsPerCluster</c>.</summary>
    public const int ParallelMigrationsPerCluster = 5;

    /// <summary>Default <c>parallelOutboundMigrationsPerNode</c>.</summary>
    public const int ParallelOutboundMigrationsPerNode = 2;

    /// <summary>Default <c>bandwidthPerMigration</c>: 0 means unlimited.</summary>
    public const long BandwidthPerMigration = 0;

    /// <summary>Default <c>completionTimeoutPerGiB</c> since v1.4.</summary>
    public static readonly TimeSpan CompletionTimeoutPerGiB = TimeSpan.FromSeconds(150);

    /// <summary>Default <c>progressTimeout</c>.</summary>
    public static readonly TimeSpan ProgressTimeout = TimeSpan.FromSeconds(150);

    /// <summary>Default maximum downtime in v1.9.</summary>
    public static readonly TimeSpan MaxDowntime = TimeSpan.FromMilliseconds(900);
}
