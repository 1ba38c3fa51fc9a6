namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>One entry of an evacuation's append-only journal.</summary>
/// <param name="Seq">Order of appending.</param>
/// <param name="VmName">The VM it concerns; null for the evacuation as a whole.</param>
/// <param name="Attempt">The VM's attempt it belongs to.</param>
/// <param name="Kind">What happened, see <see cref="EvacuationJournalKinds"/>.</param>
/// <param name="Side">Which cluster side: <c>source</c> or <c>target</c>.</param>
/// <param name="ObjectName">The object it concerns (a DataVolume, VM or VMIM name).</param>
/// <param name="LeaseEpoch">The fencing epoch it was written under.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Detail">A sentence for people (a failure reason, an address).</param>
public sealed record EvacuationJournalEntry(long Seq, string? VmName, int? Attempt, string Kind, string? Side, string? ObjectName,
    long LeaseEpoch, DateTimeOffset OccurredAt, string? Detail);
