using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>
/// Builds the object an update commits from the stored one and the proposed one: identity and system metadata are
/// kept, the status subresource splits writes between <c>status</c> and the rest, and a change outside metadata and
/// status bumps <c>metadata.generation</c>.
/// </summary>
internal static class UpdateMerge
{
    private static readonly string[] SystemFields =
        ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion"];

    public static JsonObject Merge(ResourceType type, JsonObject old, JsonObject proposed, bool statusWrite, bool includeStatus = false)
    {
        JsonObject next;
        if (statusWrite)
        {
            next = (JsonObject)old.DeepClone();
            next["status"] = proposed["status"]?.DeepClone();
            if (next["status"] is null)
            {
                next.Remove("status");
            }

            return next;
        }

        next = (JsonObject)proposed.DeepClone();
        next["apiVersion"] = type.ApiVersion;
        next["kind"] = type.Kind;
        if (type.HasStatusSubresource && !includeStatus)
        {
            next.Remove("status");
            if (old["status"] is { } status)
            {
                next["status"] = status.DeepClone();
            }
        }

        var oldMetadata = ObjectMetadata.MetadataOf(old);
        var metadata = ObjectMetadata.MetadataOf(next);
        foreach (var field in SystemFields)
        {
            metadata.Remove(field);
            if (oldMetadata[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
        }

        if (SpecChanged(old, next))
        {
            metadata["generation"] = (oldMetadata["generation"]?.GetValue<long>() ?? 0) + 1;
        }

        return next;
    }

    private static bool SpecChanged(JsonObject old, JsonObject next)
    {
        var keys = old.Select(p => p.Key).Concat(next.Select(p => p.Key))
            .Where(k => k is not ("metadata" or "status" or "apiVersion" or "kind"))
            .Distinct(StringComparer.Ordinal);
        return keys.Any(k => !JsonNode.DeepEquals(old[k], next[k]));
    }
}
