using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>Compares parts of an object before and after a write.</summary>
internal static class ObjectDiff
{
    public static bool Changed(JsonObject? before, JsonObject after, params string[] path) =>
        !JsonNode.DeepEquals(Find(before, path), Find(after, path));

    public static JsonNode? Find(JsonObject? root, params string[] path)
    {
        JsonNode? node = root;
        foreach (var segment in path)
        {
            node = (node as JsonObject)?[segment];
        }

        return node;
    }

    public static Dictionary<string, string> Labels(JsonObject obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Find(obj, "metadata", "labels") is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
            }
        }

        return labels;
    }

    public static string Name(JsonObject obj) => Find(obj, "metadata", "name")?.GetValue<string>() ?? "";

    public static string Namespace(JsonObject obj) => Find(obj, "metadata", "namespace")?.GetValue<string>() ?? "";
}
