using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Patching;

/// <summary>
/// Strategic merge patch as kubectl sends it for built-in types: a merge patch where the lists Kubernetes declares
/// with a merge key merge element by element, <c>finalizers</c> merge as a set, and the directives <c>$patch</c>
/// (replace, delete, merge), <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/…</c> and <c>$setElementOrder/…</c> are
/// honoured (element order is not). Other lists are replaced.
/// </summary>
public static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";
    private const string SetElementOrder = "$setElementOrder/";

    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> (changed in place) and returns the result.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        switch (Directive(patchObject))
        {
            case "replace":
                return WithoutDirectives(patchObject);
            case "delete":
                return null;
            case null or "merge":
                break;
            case var other:
                throw new PatchException($"unknown patch directive \"{other}\"");
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchObject)
        {
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal))
            {
                RemovePrimitives(result, key[DeleteFromPrimitiveList.Length..], value);
            }
            else if (!key.StartsWith('$'))
            {
                MergeMember(result, key, value);
            }
        }

        if (patchObject[RetainKeys] is JsonArray retained)
        {
            var keep = retained.Select(k => k?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var key in result.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                result.Remove(key);
            }
        }

        return result;
    }

    private static void MergeMember(JsonObject result, string key, JsonNode? value)
    {
        JsonNode? merged;
        if (value is null)
        {
            result.Remove(key);
            return;
        }

        if (value is JsonArray patchList && result[key] is JsonArray targetList && ListMergeKeys.TryGet(key, out var mergeKey))
        {
            merged = mergeKey.Length == 0 ? MergePrimitiveSet(targetList, patchList) : MergeByKey(targetList, patchList, mergeKey);
        }
        else
        {
            merged = value is JsonObject ? Apply(result[key]?.DeepClone(), value) : StripDirectives(value);
        }

        result.Remove(key);
        if (merged is not null)
        {
            result[key] = merged;
        }
    }

    private static JsonArray MergePrimitiveSet(JsonArray target, JsonArray patch)
    {
        var merged = new JsonArray([.. target.Select(n => n?.DeepClone())]);
        foreach (var item in patch)
        {
            if (!merged.Any(existing => JsonNode.DeepEquals(existing, item)))
            {
                merged.Add(item?.DeepClone());
            }
        }

        return merged;
    }

    private static JsonArray MergeByKey(JsonArray target, JsonArray patch, string mergeKey)
    {
        var merged = new JsonArray([.. target.Select(n => n?.DeepClone())]);
        foreach (var item in patch.OfType<JsonObject>())
        {
            var existing = merged.OfType<JsonObject>().FirstOrDefault(e => JsonNode.DeepEquals(e[mergeKey], item[mergeKey]));
            if (Directive(item) == "delete")
            {
                if (existing is not null)
                {
                    merged.Remove(existing);
                }

                continue;
            }

            if (existing is null)
            {
                merged.Add(WithoutDirectives(item));
            }
            else
            {
                Apply(existing, item);
            }
        }

        return merged;
    }

    private static void RemovePrimitives(JsonObject result, string field, JsonNode? values)
    {
        if (result[field] is JsonArray list && values is JsonArray remove)
        {
            foreach (var item in list.Where(i => remove.Any(r => JsonNode.DeepEquals(r, i))).ToList())
            {
                list.Remove(item);
            }
        }
    }

    private static string? Directive(JsonObject obj) =>
        obj[PatchDirective] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonNode? StripDirectives(JsonNode? node) => node switch
    {
        JsonObject obj => WithoutDirectives(obj),
        JsonArray array => new JsonArray([.. array.Select(StripDirectives)]),
        _ => node?.DeepClone(),
    };

    private static JsonObject WithoutDirectives(JsonObject obj)
    {
        var clean = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (!key.StartsWith('$'))
            {
                clean[key] = StripDirectives(value);
            }
        }

        return clean;
    }
}
