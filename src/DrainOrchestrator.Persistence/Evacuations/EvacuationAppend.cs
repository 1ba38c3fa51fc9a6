namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>A journal entry to append (see <see cref="EvacuationJournalEntry"/> for the fields).</summary>
public sealed record EvacuationAppend(string Kind, string? VmName = null, int? Attempt = null, string? Side = null, string? ObjectName = null,
    string? Detail = null);
