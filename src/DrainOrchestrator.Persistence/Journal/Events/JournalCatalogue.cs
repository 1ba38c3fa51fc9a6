namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>
/// The journal's catalogue: every kind of event the engine and the stores write, each a sealed record of this folder.
/// It lives in Persistence because both the stores (signals, appended by <see cref="SignalStore"/>) and the engine write
/// events, and <see cref="JournalStore"/> takes them; its payloads therefore use only Persistence's own types (Core's
/// enums travel by name), which also keeps the stored format from changing when an in-memory type of the engine does.
/// </summary>
public static class JournalCatalogue
{
    private static readonly JournalEventRegistry Registry = new(JournalEventRegistry.EventsOf(typeof(JournalEvent).Assembly));

    /// <summary>Every kind of the catalogue.</summary>
    public static IReadOnlyCollection<JournalEventType> Types => Registry.Types;

    /// <summary>The kind of the event record <paramref name="type"/>; throws when it is not in the catalogue.</summary>
    public static JournalEventType Describe(Type type) => Registry.Describe(type);

    /// <summary>The kinds whose records are (or derive from) <typeparamref name="TEvent"/>, e.g. the three ends of <see cref="DrainFinished"/>.</summary>
    public static IReadOnlyList<string> KindsOf<TEvent>()
        where TEvent : JournalEvent => Registry.KindsOf(typeof(TEvent));

    /// <summary>Whether events journaled as <paramref name="kind"/> are <typeparamref name="TEvent"/>s, without reading a payload.</summary>
    public static bool Is<TEvent>(string kind)
        where TEvent : JournalEvent => Registry.Find(kind) is { } type && typeof(TEvent).IsAssignableFrom(type.Type);

    /// <summary>The payload of <paramref name="journalEvent"/> as the journal stores it (a JSON object, camelCase).</summary>
    public static string Serialize(JournalEvent journalEvent) => Registry.Serialize(journalEvent);

    /// <summary>The event of a journal row; <see cref="UnknownEvent"/> for a kind or payload version this catalogue does not know.</summary>
    public static JournalEvent Read(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Registry.Read(entry.Kind, entry.PayloadJson);
    }

    /// <summary>The event journaled as <paramref name="kind"/> with <paramref name="payloadJson"/>.</summary>
    public static JournalEvent Read(string kind, string payloadJson) => Registry.Read(kind, payloadJson);
}
