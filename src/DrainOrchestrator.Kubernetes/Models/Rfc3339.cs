using System.Globalization;
using System.Text.Json;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Parses RFC 3339 timestamps as the API server writes them (Z or a numeric offset, optional fraction).</summary>
internal static partial class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>
    /// Reads a timestamp token: the form the API server writes is parsed straight from its UTF-8 bytes, without a string;
    /// anything else (escapes, other offsets, odd forms) goes through <see cref="Parse"/>, which decides.
    /// </summary>
    public static DateTimeOffset Read(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped
            && TryParseExact(reader.ValueSpan, out var value)
            ? value
            : Parse(reader.GetString());

    public static DateTimeOffset Parse(string? text)
    {
        if (text is null)
        {
            throw new JsonException("Expected an RFC 3339 timestamp, found null.");
        }

        // Go writes up to nine fractional digits; .NET keeps seven (100 ns ticks), so drop the rest.
        var normalized = TrimFraction(text);
        if (DateTimeOffset.TryParseExact(normalized, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not an RFC 3339 timestamp.");
    }

    private static string TrimFraction(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - dot - 1 <= 7 ? text : string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
    }
}
