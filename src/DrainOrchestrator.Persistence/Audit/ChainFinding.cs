namespace DrainOrchestrator.Persistence.Audit;

/// <summary>The first bad record of a chain.</summary>
/// <param name="Chain">The chain.</param>
/// <param name="Problem">What is wrong.</param>
/// <param name="Seq">The sequence number of the record where the chain breaks (of the last intact one when records are missing at the end).</param>
/// <param name="Position">Its place in the chain, as stored.</param>
/// <param name="Kind">Its kind; null when no record is there.</param>
/// <param name="Expected">What the chain required there.</param>
/// <param name="Found">What is there instead.</param>
public sealed record ChainFinding(ChainKey Chain, ChainProblem Problem, long? Seq, long? Position, string? Kind, string Expected, string Found);
