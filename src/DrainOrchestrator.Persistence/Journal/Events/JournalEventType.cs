namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>One kind of the catalogue: its name, its payload's version and the record that holds it.</summary>
/// <param name="Kind">The kind as journaled, e.g. <c>attempt.intended</c>.</param>
/// <param name="Version">The payload version this catalogue writes (1 unless the shape changed).</param>
/// <param name="Type">The sealed record of the kind.</param>
public sealed record JournalEventType(string Kind, int Version, Type Type);
