namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>
/// A journaled event this catalogue cannot read: a kind it does not know (retired, or written by a newer engine), or a
/// payload version above the one it knows. Kept raw, so an old or newer database stays readable.
/// </summary>
/// <param name="RecordedKind">The kind as journaled.</param>
/// <param name="PayloadVersion">The payload's version as journaled (1 when the payload does not say).</param>
/// <param name="PayloadJson">The payload, as stored.</param>
public sealed record UnknownEvent(string RecordedKind, int PayloadVersion, string PayloadJson) : JournalEvent
{
    /// <inheritdoc />
    public override string Kind => RecordedKind;
}
