using System.Text.Json.Serialization;

namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>
/// One event of the append-only journal, typed: every kind is a sealed record of this catalogue, marked with
/// <see cref="JournalEventAttribute"/> (its kind and payload version), and its properties are the payload's fields
/// (camelCase JSON). <see cref="JournalCatalogue"/> writes and reads them; a kind it does not know reads as
/// <see cref="UnknownEvent"/>.
/// </summary>
public abstract record JournalEvent
{
    /// <summary>The kind it is journaled under, e.g. <c>attempt.intended</c> (the Server-Sent Event's name too).</summary>
    [JsonIgnore]
    public virtual string Kind => JournalCatalogue.Describe(GetType()).Kind;
}
