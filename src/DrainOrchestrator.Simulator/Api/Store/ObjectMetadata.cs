using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>The parts of <c>metadata</c> the store reads, taken from a JSON object.</summary>
internal sealed record ObjectMetadata(
    string Namespace,
    string Name,
    string GenerateName,
    string Uid,
    long ResourceVersion,
    string? RawResourceVersion,
    string? DeletionTimestamp,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Finalizers)
{
    public static ObjectMetadata Of(JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject;
        var rawVersion = Text(metadata, "resourceVersion");
        _ = long.TryParse(rawVersion, out var version);
        return new ObjectMetadata(
            Text(metadata, "namespace") ?? "",
            Text(metadata, "name") ?? "",
            Text(metadata, "generateName") ?? "",
            Text(metadata, "uid") ?? "",
            version,
            string.IsNullOrEmpty(rawVersion) ? null : rawVersion,
            Text(metadata, "deletionTimestamp"),
            StringMap(metadata?["labels"]),
            StringList(metadata?["finalizers"]));
    }

    public static JsonObject MetadataOf(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        metadata = [];
        obj["metadata"] = metadata;
        return metadata;
    }

    private static string? Text(JsonObject? parent, string name) =>
        parent?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Dictionary<string, string> StringMap(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                map[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            }
        }

        return map;
    }

    private static List<string> StringList(JsonNode? node) =>
        node is JsonArray array
            ? [.. array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0)]
            : [];
}
