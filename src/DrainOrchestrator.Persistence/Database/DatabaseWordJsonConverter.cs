using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrainOrchestrator.Persistence.Database;

/// <summary>Writes and reads an enum in JSON as its database word, so a journal payload spells it as the tables do.</summary>
internal abstract class DatabaseWordJsonConverter<TEnum>(DatabaseWords<TEnum> words) : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {typeof(TEnum).Name} must be a JSON string.");
        }

        try
        {
            return words.Parse(reader.GetString()!);
        }
        catch (FormatException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(words.Word(value));
    }
}
