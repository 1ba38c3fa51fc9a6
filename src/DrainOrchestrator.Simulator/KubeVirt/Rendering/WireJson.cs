using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>Turns wire models into the JSON the store keeps, and back, through the one source-generated contract.</summary>
internal static class WireJson
{
    public static JsonObject ToObject<T>(T value, JsonTypeInfo<T> type) =>
        JsonSerializer.SerializeToNode(value, type)?.AsObject() ?? throw new InvalidOperationException($"{typeof(T).Name} rendered as null");

    /// <summary>Reads a wire model; a field of the wrong JSON type becomes a <see cref="FormatException"/> naming it.</summary>
    public static T FromObject<T>(JsonObject obj, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return obj.Deserialize(type) ?? throw new FormatException("the object is null");
        }
        catch (JsonException e)
        {
            throw new FormatException(e.Path is { Length: > 0 } path ? $"{path.TrimStart('$', '.')}: {Simplify(e.Message)}" : Simplify(e.Message), e);
        }
    }

    private static string Simplify(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
