namespace DrainOrchestrator.Persistence.Audit;

/// <summary>The last record of a chain, as journal_heads holds it.</summary>
/// <param name="Chain">The chain.</param>
/// <param name="Seq">The last record's sequence number.</param>
/// <param name="Position">Its place in the chain (the chain's length).</param>
/// <param name="Hash">Its link.</param>
public sealed record ChainHead(ChainKey Chain, long Seq, long Position, byte[] Hash);
