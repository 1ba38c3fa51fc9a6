using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Migration options, cluster-wide (<c>KubeVirt.spec.configuration.migrations</c>) or as resolved for one migration (<c>migrationState.migrationConfiguration</c>).</summary>
public sealed class MigrationConfiguration : WireModel
{
    /// <summary>Taint that makes KubeVirt evacuate a node.</summary>
    public string? NodeDrainTaintKey { get; set; }

    /// <summary>Outbound migrations per source node at once.</summary>
    public int? ParallelOutboundMigrationsPerNode { get; set; }

    /// <summary>Migrations in the cluster at once.</summary>
    public int? ParallelMigrationsPerCluster { get; set; }

    /// <summary>Whether vCPUs may be throttled to converge.</summary>
    public bool? AllowAutoConverge { get; set; }

    /// <summary>Bandwidth cap per migration; zero means unlimited.</summary>
    public Quantity? BandwidthPerMigration { get; set; }

    /// <summary>Seconds allowed per GiB of guest memory.</summary>
    public long? CompletionTimeoutPerGiB { get; set; }

    /// <summary>Allowed switch-over downtime.</summary>
    public long? MaxDowntimeMs { get; set; }

    /// <summary>Seconds without progress before an abort.</summary>
    public long? ProgressTimeout { get; set; }

    /// <summary>Seconds to wait for utility volumes.</summary>
    public long? UtilityVolumesTimeout { get; set; }

    /// <summary>Allow migrations KubeVirt considers unsafe.</summary>
    public bool? UnsafeMigrationOverride { get; set; }

    /// <summary>Whether post-copy is allowed.</summary>
    public bool? AllowPostCopy { get; set; }

    /// <summary>Whether the guest may be paused or switched to post-copy to finish.</summary>
    public bool? AllowWorkloadDisruption { get; set; }

    /// <summary>Whether migration traffic is unencrypted.</summary>
    [JsonPropertyName("disableTLS")]
    public bool? DisableTls { get; set; }

    /// <summary>Dedicated migration network.</summary>
    public string? Network { get; set; }

    /// <summary>Whether the target keeps the source's SELinux level.</summary>
    [JsonPropertyName("matchSELinuxLevelOnMigration")]
    public bool? MatchSELinuxLevelOnMigration { get; set; }
}
