using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>
/// The kinds of a set of event records, both ways, and their payloads as JSON. Built once; a record without
/// <see cref="JournalEventAttribute"/> or a kind named twice fails the build of the registry, not a later write.
/// </summary>
internal sealed class JournalEventRegistry
{
    /// <summary>The payload field that carries a version above 1; a payload without it is version 1.</summary>
    public const string VersionField = "payloadVersion";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly FrozenDictionary<string, JournalEventType> _byKind;
    private readonly FrozenDictionary<Type, JournalEventType> _byType;

    public JournalEventRegistry(IEnumerable<Type> eventTypes)
    {
        var types = eventTypes.Select(DescribeRecord).ToList();
        var twice = types.GroupBy(t => t.Kind, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new InvalidOperationException($"Journal kinds named by more than one event: {string.Join(", ", twice)}.");
        }

        _byKind = types.ToFrozenDictionary(t => t.Kind, StringComparer.Ordinal);
        _byType = types.ToFrozenDictionary(t => t.Type);
    }

    public IReadOnlyCollection<JournalEventType> Types => _byKind.Values;

    /// <summary>Every concrete event record of <paramref name="assembly"/> (all but <see cref="UnknownEvent"/>).</summary>
    public static IEnumerable<Type> EventsOf(Assembly assembly) => assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(JournalEvent)) && !t.IsAbstract && t != typeof(UnknownEvent));

    public JournalEventType Describe(Type type) => _byType.TryGetValue(type, out var described)
        ? described
        : throw new ArgumentException($"{type.Name} is not an event of the journal's catalogue.", nameof(type));

    public JournalEventType? Find(string kind) => _byKind.GetValueOrDefault(kind);

    public IReadOnlyList<string> KindsOf(Type type) =>
        [.. _byType.Values.Where(t => type.IsAssignableFrom(t.Type)).Select(t => t.Kind).Order(StringComparer.Ordinal)];

    public string Serialize(JournalEvent journalEvent)
    {
        ArgumentNullException.ThrowIfNull(journalEvent);
        var type = Describe(journalEvent.GetType());
        if (type.Version == 1)
        {
            return JsonSerializer.Serialize(journalEvent, type.Type, Json);
        }

        var payload = JsonSerializer.SerializeToNode(journalEvent, type.Type, Json)!.AsObject();
        payload[VersionField] = type.Version;
        return payload.ToJsonString(Json);
    }

    public JournalEvent Read(string kind, string payloadJson)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(payloadJson);
        var version = VersionOf(payloadJson);
        if (Find(kind) is not { } type || version > type.Version)
        {
            return new UnknownEvent(kind, version, payloadJson);
        }

        try
        {
            return (JournalEvent)(JsonSerializer.Deserialize(payloadJson, type.Type, Json)
                ?? throw new JsonException("the payload is null"));
        }
        catch (JsonException ex)
        {
            throw new JsonException($"The journal event {kind} has a payload its catalogue cannot read: {ex.Message}", ex);
        }
    }

    // Only a payload that names the field is parsed for it: a report reads 100,000 plan items of version 1.
    private static int VersionOf(string payloadJson) =>
        payloadJson.Contains($"\"{VersionField}\"", StringComparison.Ordinal)
            && JsonNode.Parse(payloadJson)?[VersionField] is JsonValue value && value.TryGetValue<int>(out var version)
            ? version
            : 1;

    private static JournalEventType DescribeRecord(Type type)
    {
        if (!type.IsSubclassOf(typeof(JournalEvent)) || type.IsAbstract || !type.IsSealed)
        {
            throw new InvalidOperationException($"{type.Name}: a journal event is a sealed record deriving from {nameof(JournalEvent)}.");
        }

        var attribute = type.GetCustomAttribute<JournalEventAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [{nameof(JournalEventAttribute)}]: name its kind and version.");
        if (string.IsNullOrWhiteSpace(attribute.Kind) || attribute.Version < 1)
        {
            throw new InvalidOperationException($"{type.Name}: a journal event needs a kind and a version from 1.");
        }

        return new JournalEventType(attribute.Kind, attribute.Version, type);
    }
}
