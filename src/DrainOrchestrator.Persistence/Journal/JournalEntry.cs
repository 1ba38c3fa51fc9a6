using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Persistence.Journal;

/// <summary>One event of the append-only journal, as recorded (<see cref="ReadEvent"/> gives it typed).</summary>
/// <param name="Seq">Its position in the journal (grows with every event).</param>
/// <param name="DrainId">The drain it belongs to; null for events of no drain.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="Kind">What happened, e.g. <c>step.completed</c> or <c>attempt.intended</c>.</param>
/// <param name="Actor">Who recorded it (an engine process or a drainctl command).</param>
/// <param name="LeaseEpoch">The fencing epoch of the writer, when it wrote under a lease.</param>
/// <param name="PayloadJson">The details, as a JSON object.</param>
public sealed record JournalEntry(
    long Seq, Guid? DrainId, DateTimeOffset OccurredAt, string Kind, string Actor, long? LeaseEpoch, string PayloadJson)
{
    /// <summary>The event, typed by <see cref="JournalCatalogue"/> (an <see cref="UnknownEvent"/> for a kind it does not know).</summary>
    public JournalEvent ReadEvent() => JournalCatalogue.Read(this);
}
