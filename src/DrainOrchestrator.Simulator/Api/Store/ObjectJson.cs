using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>Serialisation helpers for JSON nodes.</summary>
internal static class ObjectJson
{
    public static byte[] Serialize(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Compares two objects structurally, ignoring the order of object keys.</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);
}
