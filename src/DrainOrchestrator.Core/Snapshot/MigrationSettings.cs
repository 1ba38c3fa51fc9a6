namespace DrainOrchestrator.Core.Snapshot;

/// <summary>The migration options a MigrationPolicy may override, cluster-wide or resolved for one VMI.</summary>
/// <param name="BandwidthPerMigrationBytesPerSecond">Bandwidth cap per migration; 0 means unlimited.</param>
/// <param name="CompletionTimeoutPerGiB">Completion budget per started decimal GB of memory.</param>
/// <param name="AllowPostCopy">Switch to post-copy when the budget runs out.</param>
/// <param name="AllowAutoConverge">Throttle the guest's vCPUs to lower its dirty rate.</param>
/// <param name="AllowWorkloadDisruption">Allow pausing the guest; null follows <paramref name="AllowPostCopy"/>.</param>
/// <param name="MaxDowntime">The largest pause allowed at switch-over.</param>
public sealed record MigrationSettings(
    long BandwidthPerMigrationBytesPerSecond,
    TimeSpan CompletionTimeoutPerGiB,
    bool AllowPostCopy,
    bool AllowAutoConverge,
    bool? AllowWorkloadDisruption,
    TimeSpan MaxDowntime)
{
    /// <summary>KubeVirt v1.9's defaults: unlimited bandwidth, 150 s per GiB, no post-copy, 900 ms downtime.</summary>
    public static MigrationSettings KubeVirtDefaults { get; } = new(
        0, TimeSpan.FromSeconds(150), AllowPostCopy: false, AllowAutoConverge: false, AllowWorkloadDisruption: null,
        TimeSpan.FromMilliseconds(900));

    /// <summary>Whether workload disruption is allowed once defaults are applied.</summary>
    public bool WorkloadDisruptionAllowed => AllowWorkloadDisruption ?? AllowPostCopy;

    /// <summary>Whether a migration whose budget runs out switches to post-copy instead of being aborted.</summary>
    public bool PostCopyEffective => AllowPostCopy && WorkloadDisruptionAllowed;

    /// <summary>
    /// The completion budget for a guest of <paramref name="memoryBytes"/>: the per-GiB timeout times the memory in
    /// decimal GB rounded up (KubeVirt's own rounding).
    /// </summary>
    public TimeSpan CompletionBudget(long memoryBytes)
    {
        const long DecimalGigabyte = 1_000_000_000;
        var gigabytes = Math.Max(1, (memoryBytes + DecimalGigabyte - 1) / DecimalGigabyte);
        return CompletionTimeoutPerGiB * gigabytes;
    }
}
