namespace DrainOrchestrator.Core.Planning;

/// <summary>What an earlier attempt showed, fed back to refine predictions.</summary>
/// <param name="VmiUid">The VMI migrated.</param>
/// <param name="SourceNode">The node it left from.</param>
/// <param name="ThroughputBytesPerSecond">Observed transfer rate.</param>
/// <param name="DirtyRateBytesPerSecond">Observed dirty rate, when measured.</param>
/// <param name="NeededPostCopy">
/// It moved only in post-copy (or stalled in pre-copy): its guest dirtied memory at least as fast as the migration
/// carried it, so a plan without a measured dirty rate takes the throughput as its dirty rate.
/// </param>
public sealed record ObservedMigration(
    string VmiUid, string SourceNode, long ThroughputBytesPerSecond, long? DirtyRateBytesPerSecond, bool NeededPostCopy = false);
