using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Reads a quantity from a JSON string (or a bare number, which some clients send) and writes its original text.</summary>
public sealed class QuantityJsonConverter : JsonConverter<Quantity>
{
    /// <inheritdoc />
    public override Quantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            _ => throw new JsonException($"Expected a quantity string, found {reader.TokenType}."),
        };

        return Quantity.TryParse(text, out var quantity)
            ? quantity
            : throw new JsonException($"'{text}' is not a Kubernetes quantity.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Quantity value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Text);
    }
}
