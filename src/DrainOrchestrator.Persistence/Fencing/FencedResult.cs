namespace DrainOrchestrator.Persistence.Fencing;

/// <summary>What a fenced statement wrote: the journal's sequence numbers, and what each returning change returned.</summary>
/// <param name="Seqs">The appended events' sequence numbers, in order.</param>
/// <param name="Returned">By change prefix, the values of its <see cref="FencedChange.Returning"/> expression.</param>
public sealed record FencedResult(IReadOnlyList<long> Seqs, IReadOnlyDictionary<string, IReadOnlyList<long>> Returned);
