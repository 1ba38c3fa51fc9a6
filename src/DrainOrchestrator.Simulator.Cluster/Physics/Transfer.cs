namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The memory transfer of one running migration. Bytes are doubles: the physics integrates rates over fractions of a
/// second. <see cref="FirstPass"/> is memory not yet sent once; <see cref="Dirty"/> is memory sent but written again
/// since, bounded by the working set and by what has been sent.
/// </summary>
internal sealed class Transfer
{
    public required MigrationJob Job { get; init; }

    public required NodeState Source { get; init; }

    public required NodeState Target { get; init; }

    public required EffectiveMigrationConfiguration Config { get; init; }

    /// <summary>Whether the transfer crosses the nodes' migration NICs (the dedicated network) rather than their pod NICs.</summary>
    public bool OnMigrationNetwork { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Completion budget: completionTimeoutPerGiB × ceil(bytes / 10^9).</summary>
    public required TimeSpan Budget { get; init; }

    public required double MemoryBytes { get; init; }

    public required double WorkingSetBytes { get; init; }

    public double FirstPass { get; set; }

    public double Dirty { get; set; }

    public double Processed { get; set; }

    public MigrationMode Mode { get; set; } = MigrationMode.PreCopy;

    /// <summary>Elapsed time after which the budget runs out (doubles when the guest is paused).</summary>
    public TimeSpan Deadline { get; set; }

    /// <summary>The lowest remaining amount seen, and when it was last lowered (for progressTimeout).</summary>
    public double Watermark { get; set; } = double.MaxValue;

    public DateTimeOffset LastProgressAt { get; set; }

    /// <summary>Auto-converge vCPU throttle, 0 to 0.99.</summary>
    public double Throttle { get; set; }

    public DateTimeOffset? NextThrottleAt { get; set; }

    /// <summary>The current transfer rate in bytes per second, set by the bandwidth allocator.</summary>
    public double Rate { get; set; }

    public DateTimeOffset? AbortAt { get; set; }

    /// <summary>Disk bytes still to copy (decentralized migrations copy the disks before the memory pre-copy starts).</summary>
    public double DiskRemaining { get; set; }

    public double Remaining => FirstPass + Dirty + DiskRemaining;

    /// <summary>
    /// Pre-copy has converged and the guest is paused for the stop-and-copy: nothing is dirtied any more, and the
    /// migration completes once the remainder has crossed (up to the allowed downtime at the rate it gets).
    /// </summary>
    public bool StopAndCopy { get; set; }
}
