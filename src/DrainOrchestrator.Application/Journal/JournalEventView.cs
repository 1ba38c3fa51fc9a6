namespace DrainOrchestrator.Application.Journal;

/// <summary>One journal event as the front doors show it (and as Server-Sent Events carry it, with <see cref="Seq"/> as id).</summary>
public sealed record JournalEventView(long Seq, Guid? DrainId, DateTimeOffset OccurredAt, string Kind, string Actor, string PayloadJson);
