namespace DrainOrchestrator.Persistence.Audit;

/// <summary>
/// A head copied when a wave, a drain or a workflow instance finished: the record at <paramref name="Position"/> of the
/// chain must keep <paramref name="Seq"/> and <paramref name="Hash"/> forever.
/// </summary>
/// <param name="Chain">The chain.</param>
/// <param name="Seq">The anchored record's sequence number.</param>
/// <param name="Position">Its place in the chain.</param>
/// <param name="Hash">Its link.</param>
/// <param name="Reason">Why it was anchored, e.g. <c>wave 2 finished</c> or <c>drain succeeded</c>.</param>
/// <param name="RecordedAt">When the anchored record was recorded.</param>
public sealed record JournalAnchor(ChainKey Chain, long Seq, long Position, byte[] Hash, string Reason, DateTimeOffset RecordedAt);
