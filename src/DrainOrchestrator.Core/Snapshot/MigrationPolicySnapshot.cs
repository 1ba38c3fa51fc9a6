namespace DrainOrchestrator.Core.Snapshot;

/// <summary>
/// A <c>migrations.kubevirt.io/v1alpha1</c> MigrationPolicy. Null fields leave the cluster value in place.
/// </summary>
/// <param name="Name">The policy name (cluster-scoped).</param>
/// <param name="NamespaceSelector">Labels every one of which the VMI's namespace must carry.</param>
/// <param name="VmiSelector">Labels every one of which the VMI must carry.</param>
/// <param name="BandwidthPerMigrationBytesPerSecond">Override of the bandwidth cap.</param>
/// <param name="CompletionTimeoutPerGiB">Override of the completion budget per GB.</param>
/// <param name="AllowPostCopy">Override of post-copy.</param>
/// <param name="AllowAutoConverge">Override of auto-converge.</param>
/// <param name="AllowWorkloadDisruption">Override of workload disruption.</param>
/// <param name="MaxDowntime">Override of the maximum downtime.</param>
public sealed record MigrationPolicySnapshot(
    string Name,
    IReadOnlyDictionary<string, string> NamespaceSelector,
    IReadOnlyDictionary<string, string> VmiSelector,
    long? BandwidthPerMigrationBytesPerSecond = null,
    TimeSpan? CompletionTimeoutPerGiB = null,
    bool? AllowPostCopy = null,
    bool? AllowAutoConverge = null,
    bool? AllowWorkloadDisruption = null,
    TimeSpan? MaxDowntime = null);
