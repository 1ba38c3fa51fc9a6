namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The KubeVirt CR's <c>spec.configuration.migrations</c>. The model reads it live on every admission decision and
/// resolves the per-migration options from it at hand-off.
/// </summary>
public sealed record MigrationConfig
{
    /// <summary>The default configuration of KubeVirt v1.9.</summary>
    public static MigrationConfig Default { get; } = new();

    /// <summary>Maximum migrations in Scheduling or later, cluster-wide.</summary>
    public int ParallelMigrationsPerCluster { get; init; } = MigrationConfigDefaults.ParallelMigrationsPerCluster;

    /// <summary>Maximum running migrations whose VMI is on, or migrating from, one node.</summary>
    public int ParallelOutboundMigrationsPerNode { get; init; } = MigrationConfigDefaults.ParallelOutboundMigrationsPerNode;

    /// <summary>Bandwidth cap per migration in bytes per second; 0 means unlimited.</summary>
    public long BandwidthPerMigration { get; init; } = MigrationConfigDefaults.BandwidthPerMigration;

    /// <summary>Completion budget per started decimal GB of guest memory.</summary>
    public TimeSpan CompletionTimeoutPerGiB { get; init; } = MigrationConfigDefaults.CompletionTimeoutPerGiB;

    /// <summary>How long the remaining data may stop falling before the migration is aborted.</summary>
    public TimeSpan ProgressTimeout { get; init; } = MigrationConfigDefaults.ProgressTimeout;

    /// <summary>Whether a migration that runs out of budget may switch to post-copy.</summary>
    public bool AllowPostCopy { get; init; }

    /// <summary>Whether the guest's vCPUs may be throttled to help convergence.</summary>
    public bool AllowAutoConverge { get; init; }

    /// <summary>Whether the workload may be disrupted (paused or post-copy); null follows <see cref="AllowPostCopy"/>.</summary>
    public bool? AllowWorkloadDisruption { get; init; }

    /// <summary>The downtime the final stop-and-copy may take.</summary>
    public TimeSpan MaxDowntime { get; init; } = MigrationConfigDefaults.MaxDowntime;

    /// <summary>
    /// The dedicated migration network: the name of a NetworkAttachmentDefinition in KubeVirt's namespace
    /// (<see cref="MigrationNetwork.Namespace"/>); null for the pod network.
    /// </summary>
    public string? Network { get; init; }

    /// <summary>Every problem with this configuration, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ParallelMigrationsPerCluster < 1)
        {
            problems.Add($"parallelMigrationsPerCluster must be at least 1, was {ParallelMigrationsPerCluster}");
        }

        if (ParallelOutboundMigrationsPerNode < 1)
        {
            problems.Add($"parallelOutboundMigrationsPerNode must be at least 1, was {ParallelOutboundMigrationsPerNode}");
        }

        if (BandwidthPerMigration < 0)
        {
            problems.Add($"bandwidthPerMigration must not be negative, was {BandwidthPerMigration}");
        }

        if (CompletionTimeoutPerGiB <= TimeSpan.Zero)
        {
            problems.Add($"completionTimeoutPerGiB must be positive, was {CompletionTimeoutPerGiB}");
        }

        if (ProgressTimeout <= TimeSpan.Zero)
        {
            problems.Add($"progressTimeout must be positive, was {ProgressTimeout}");
        }

        if (MaxDowntime <= TimeSpan.Zero)
        {
            problems.Add($"maxDowntimeMs must be positive, was {MaxDowntime}");
        }

        if (Network is { } network && (network.Length == 0 || network.Contains('/', StringComparison.Ordinal)))
        {
            problems.Add($"network must be the name of a NetworkAttachmentDefinition in namespace {MigrationNetwork.Namespace} (no namespace prefix), was \"{network}\"");
        }

        return problems;
    }
}
