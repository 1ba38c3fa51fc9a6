using DrainOrchestrator.Persistence.Journal;

namespace DrainOrchestrator.Application.Journal;

/// <summary>One journal event as the front doors show it (and as Server-Sent Events carry it, with <see cref="Seq"/> as id).</summary>
public sealed record JournalEventView(long Seq, Guid? DrainId, DateTimeOffset OccurredAt, string Kind, string Actor, string PayloadJson)
{
    /// <summary>The view of a journal row.</summary>
    public static JournalEventView Of(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Seq, entry.DrainId, entry.OccurredAt, entry.Kind, entry.Actor, entry.PayloadJson);
    }
}
