namespace DrainOrchestrator.Core.Planning;

/// <summary>How a transfer observed during a drain ended, as far as learning is concerned.</summary>
public enum TransferEnding
{
    /// <summary>Still sending.</summary>
    Running,

    /// <summary>The guest arrived.</summary>
    Succeeded,

    /// <summary>A pre-copy that stopped making progress or ran out of time (KubeVirt aborted it): the guest dirtied its memory faster than the migration carried it.</summary>
    DidNotConverge,

    /// <summary>Any other failure: it says nothing about the guest's dirty rate or the NICs.</summary>
    Failed,
}

/// <summary>
/// One transfer of the running drain as the cluster showed it (the VMI's <c>status.migrationState</c>: source, target,
/// transfer start and end, mode), with what the plan knows of the guest.
/// </summary>
/// <param name="VmiUid">The guest.</param>
/// <param name="SourceNode">Where it was sent from.</param>
/// <param name="TargetNode">Where it was sent to.</param>
/// <param name="Start">When the transfer began (the target was ready).</param>
/// <param name="End">When it ended; null while it runs.</param>
/// <param name="MemoryBytes">The guest's memory: a pre-copy sends it at least once.</param>
/// <param name="BandwidthCapBytesPerSecond">The migration's <c>bandwidthPerMigration</c> (0: none).</param>
/// <param name="MaxDowntime">The downtime the migration was allowed.</param>
/// <param name="Ending">How it ended.</param>
/// <param name="PostCopy">Whether it ran (or ended) in post-copy.</param>
public sealed record ObservedTransfer(
    string VmiUid,
    string SourceNode,
    string TargetNode,
    DateTimeOffset Start,
    DateTimeOffset? End,
    long MemoryBytes,
    long BandwidthCapBytesPerSecond,
    TimeSpan MaxDowntime,
    TransferEnding Ending,
    bool PostCopy)
{
    /// <summary>Seconds from start to <paramref name="now"/> or to the end.</summary>
    public double SecondsUntil(DateTimeOffset now) => Math.Max(0, ((End ?? now) - Start).TotalSeconds);
}
