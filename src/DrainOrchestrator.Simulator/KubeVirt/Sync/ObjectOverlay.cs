using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.KubeVirt.Sync;

/// <summary>
/// Copies the fields the model owns from a freshly rendered object onto the stored one, leaving everything else (a
/// client's annotations, fields the model does not know) as it is. A path absent from the rendering is removed. A path
/// ending in <see cref="ByType"/> names a list of conditions the model shares with clients: the rendered entries replace
/// the stored ones of their type, and entries of other types (a drain's DrainInProgress) stay, as on a real API server
/// where the kubelet and controllers each patch their own conditions.
/// </summary>
internal static class ObjectOverlay
{
    /// <summary>The last segment of a path whose list is merged by each entry's <c>type</c>.</summary>
    public const string ByType = "[type]";

    public static JsonObject Apply(JsonObject current, JsonObject rendered, IReadOnlyList<string[]> paths)
    {
        foreach (var owned in paths)
        {
            var byType = owned.Length > 1 && owned[^1] == ByType;
            var path = byType ? owned[..^1] : owned;
            var source = Find(rendered, path);
            var parent = current;
            for (var i = 0; i < path.Length - 1; i++)
            {
                if (parent[path[i]] is not JsonObject child)
                {
                    if (source is null)
                    {
                        parent = null;
                        break;
                    }

                    child = [];
                    parent[path[i]] = child;
                }

                parent = child;
            }

            if (parent is null)
            {
                continue;
            }

            if (source is null)
            {
                parent.Remove(path[^1]);
            }
            else
            {
                parent[path[^1]] = byType ? MergeByType(parent[path[^1]] as JsonArray, source) : source.DeepClone();
            }
        }

        return current;
    }

    private static JsonArray MergeByType(JsonArray? stored, JsonNode rendered)
    {
        var merged = (JsonArray)rendered.DeepClone();
        var types = merged.Select(Type).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in stored ?? [])
        {
            if (entry is not null && !types.Contains(Type(entry)))
            {
                merged.Add(entry.DeepClone());
            }
        }

        return merged;
    }

    private static string Type(JsonNode? entry) => (entry as JsonObject)?["type"]?.GetValue<string>() ?? "";

    private static JsonNode? Find(JsonObject root, string[] path)
    {
        JsonNode? node = root;
        foreach (var segment in path)
        {
            node = (node as JsonObject)?[segment];
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
