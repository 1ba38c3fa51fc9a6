using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrainOrchestrator.Server.Api;

/// <summary>
/// How the API writes and reads JSON: web defaults (camelCase) and enums as camelCase strings. A client (drainctl
/// --server) deserializes responses into the application layer's own records with these options.
/// </summary>
public static class ApiJson
{
    /// <summary>The options; configure a copy, never this instance.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>How deep a request body may nest (System.Text.Json's default).</summary>
    public const int MaxDepth = 64;

    /// <summary>How request bodies read as documents are parsed: a member named twice is an error, not a silent merge.</summary>
    public static JsonDocumentOptions Documents { get; } = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// The problem a <see cref="JsonException"/> of a request body stands for, in the request's terms: a member named twice,
    /// or where the text stops being JSON; <paramref name="shape"/> shows the expected body.
    /// </summary>
    public static string BodyProblem(JsonException exception, string shape)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // The reader's position and path, as far as it gave them (a duplicate found by the document has neither).
        var at = new List<string>();
        if (exception.LineNumber is { } line)
        {
            at.Add($"line {line + 1}, byte {exception.BytePositionInLine + 1}");
        }

        if (!string.IsNullOrEmpty(exception.Path))
        {
            at.Add(exception.Path);
        }

        var where = at.Count == 0 ? string.Empty : $" ({string.Join("; ", at)})";
        return NamesAMemberTwice(exception)
            ? $"the body names a member twice{where}{DuplicateName(exception.Message)}: give each field once; expected {shape}"
            : NestsTooDeep(exception)
                ? $"the body nests deeper than {MaxDepth} levels{where}: expected {shape}"
            : $"the body is not valid JSON{where}: expected {shape}";
    }

    /// <summary>Whether the reader refused a member named twice (System.Text.Json says so only in its message).</summary>
    public static bool NamesAMemberTwice(JsonException exception) =>
        exception?.Message.Contains("uplicate", StringComparison.Ordinal) == true;

    /// <summary>Whether the reader refused a body nested deeper than <see cref="MaxDepth"/>.</summary>
    public static bool NestsTooDeep(JsonException exception) =>
        exception?.Message.Contains("maximum configured depth", StringComparison.Ordinal) == true;

    // The member the message names ("Duplicate property 'nodes' ..."), as ": 'nodes'"; empty when it names none.
    private static string DuplicateName(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? $": {message[start..(end + 1)]}" : string.Empty;
    }

    /// <summary>Applies the API's settings to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
