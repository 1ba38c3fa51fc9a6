using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Tables;

/// <summary>Reads the few fields the printers need from a stored object's JSON.</summary>
internal static class ObjectFields
{
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var segment in path)
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return node;
    }

    public static string? Text(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool IsTrue(JsonNode? node, params string[] path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static IEnumerable<JsonObject> Items(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray array ? array.OfType<JsonObject>() : [];

    public static string Name(JsonObject obj) => Text(obj, "metadata", "name") ?? "";

    /// <summary>The status of the condition of <paramref name="type"/> in <c>status.conditions</c>, or null.</summary>
    public static string? ConditionStatus(JsonObject obj, string type) =>
        Items(obj, "status", "conditions").FirstOrDefault(c => Text(c, "type") == type) is { } condition ? Text(condition, "status") : null;

    /// <summary>An RFC 3339 timestamp field, or null when absent or malformed.</summary>
    public static DateTimeOffset? Time(JsonNode? node, params string[] path) =>
        Text(node, path) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    /// <summary>The object's age as printed, or <c>&lt;unknown&gt;</c> without a creationTimestamp (as upstream).</summary>
    public static string Age(JsonObject obj, DateTimeOffset now) =>
        Time(obj, "metadata", "creationTimestamp") is { } created ? HumanDuration.Since(created, now) : "<unknown>";
}
