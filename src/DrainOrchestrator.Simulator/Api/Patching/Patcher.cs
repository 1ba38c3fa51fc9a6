using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Patching;

/// <summary>Applies a patch of any accepted kind to an object.</summary>
public static class Patcher
{
    /// <summary>The patch kind for a request content type, or null when unsupported.</summary>
    public static PatchKind? KindOf(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/json-patch+json" => PatchKind.Json,
            "application/merge-patch+json" => PatchKind.Merge,
            "application/strategic-merge-patch+json" => PatchKind.StrategicMerge,
            _ => null,
        };
    }

    /// <summary>Applies the patch and returns the patched object; throws <see cref="PatchException"/>.</summary>
    public static JsonObject Apply(PatchKind kind, JsonObject target, JsonNode? patch)
    {
        ArgumentNullException.ThrowIfNull(target);
        var result = kind switch
        {
            PatchKind.Json => JsonPatch.Apply(target, patch),
            PatchKind.Merge => MergePatch.Apply(target, patch),
            _ => StrategicMergePatch.Apply(target, patch),
        };
        return result as JsonObject ?? throw new PatchException("the patched document is not a JSON object");
    }
}
