using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, move, copy and test, applied in order, all or nothing.</summary>
public static class JsonPatch
{
    /// <summary>Applies the operations to a copy of <paramref name="target"/>; throws <see cref="PatchException"/>.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw new PatchException("a JSON patch must be an array of operations");
        }

        var document = target?.DeepClone();
        foreach (var operation in operations)
        {
            document = ApplyOne(document, operation as JsonObject ?? throw new PatchException("each operation must be an object"));
        }

        return document;
    }

    private static JsonNode? ApplyOne(JsonNode? document, JsonObject operation)
    {
        var op = Text(operation, "op");
        var path = JsonPointer.Parse(Text(operation, "path"));
        switch (op)
        {
            case "add":
                return Add(document, path, Value(operation));
            case "remove":
                return Remove(document, path, out _);
            case "replace":
                _ = path.Resolve(document);
                return Add(Remove(document, path, out _), path, Value(operation));
            case "move":
                var moveFrom = JsonPointer.Parse(Text(operation, "from"));
                document = Remove(document, moveFrom, out var moved);
                return Add(document, path, moved);
            case "copy":
                var copyFrom = JsonPointer.Parse(Text(operation, "from"));
                return Add(document, path, copyFrom.Resolve(document)?.DeepClone());
            case "test":
                var actual = path.Resolve(document);
                return JsonNode.DeepEquals(actual, Value(operation))
                    ? document
                    : throw new PatchException($"testing value /{string.Join('/', path.Tokens)} failed");
            default:
                throw new PatchException($"unknown patch operation \"{op}\"");
        }
    }

    private static JsonNode? Add(JsonNode? document, JsonPointer path, JsonNode? value)
    {
        if (path.Tokens.Count == 0)
        {
            return value;
        }

        switch (path.Parent(document))
        {
            case JsonObject obj:
                obj.Remove(path.Last);
                obj[path.Last] = value;
                break;
            case JsonArray array when path.Last == "-":
                array.Add(value);
                break;
            case JsonArray array when JsonPointer.TryIndex(path.Last, array.Count + 1, out var index):
                array.Insert(index, value);
                break;
            default:
                throw new PatchException($"cannot add at /{string.Join('/', path.Tokens)}");
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, JsonPointer path, out JsonNode? removed)
    {
        removed = path.Resolve(document);
        switch (path.Parent(document))
        {
            case JsonObject obj:
                obj.Remove(path.Last);
                break;
            case JsonArray array when JsonPointer.TryIndex(path.Last, array.Count, out var index):
                array.RemoveAt(index);
                break;
            default:
                throw new PatchException($"cannot remove /{string.Join('/', path.Tokens)}");
        }

        return document;
    }

    private static JsonNode? Value(JsonObject operation) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new PatchException($"operation \"{operation["op"]}\" needs a value");

    private static string Text(JsonObject operation, string name) =>
        operation[name] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new PatchException($"operation is missing \"{name}\"");
}
