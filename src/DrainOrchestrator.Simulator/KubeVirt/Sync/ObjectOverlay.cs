using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.KubeVirt.Sync;

/// <summary>
/// Copies the fields the model owns from a freshly rendered object onto the stored one, leaving everything else (a
/// client's annotations, fields the model does not know) as it is. A path absent from the rendering is removed.
/// </summary>
internal static class ObjectOverlay
{
    public static JsonObject Apply(JsonObject current, JsonObject rendered, IReadOnlyList<string[]> paths)
    {
        foreach (var path in paths)
        {
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
                parent[path[^1]] = source.DeepClone();
            }
        }

        return current;
    }

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
