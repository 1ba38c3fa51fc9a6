using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>Extracts the values of a type's selectable fields, as field selectors compare them (strings).</summary>
internal static class FieldValues
{
    // Boolean fields Kubernetes formats from a Go bool, so an absent field reads "false".
    private static readonly HashSet<string> BooleanFields = new(StringComparer.Ordinal) { "spec.unschedulable", "spec.hostNetwork" };

    public static IReadOnlyDictionary<string, string> Extract(ResourceType type, JsonObject obj)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metadata.name"] = Read(obj, "metadata.name"),
            ["metadata.namespace"] = Read(obj, "metadata.namespace"),
        };
        foreach (var field in type.SelectableFields)
        {
            fields[field] = Read(obj, field);
        }

        return fields;
    }

    private static string Read(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value when value.GetValueKind() == JsonValueKind.True => "true",
            JsonValue value when value.GetValueKind() == JsonValueKind.False => "false",
            JsonObject source when path == "source" => source["component"]?.GetValue<string>() ?? "",
            null when BooleanFields.Contains(path) => "false",
            null => "",
            _ => node.ToJsonString(),
        };
    }
}
