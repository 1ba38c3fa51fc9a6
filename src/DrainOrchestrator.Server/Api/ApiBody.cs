using System.Text.Json;
using System.Text.Json.Serialization;
using DrainOrchestrator.Application.Requests;
using Microsoft.AspNetCore.Http;

namespace DrainOrchestrator.Server.Api;

/// <summary>Reads a JSON request body into its record: malformed JSON, a field of the wrong kind and an unknown field are invalid requests.</summary>
internal static class ApiBody
{
    private static readonly JsonSerializerOptions Strict = new(ApiJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>The body as <typeparamref name="T"/>; <paramref name="shape"/> shows the expected body in the error.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, string shape, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Strict, cancellationToken)
                ?? throw new InvalidRequestException([new RequestProblem(string.Empty, $"the body must be a JSON object: expected {shape}")]);
        }
        catch (JsonException ex)
        {
            // System.Text.Json's own messages name .NET types; say it in the request's terms instead.
            var field = ex.Path is { Length: > 2 } path ? path[2..] : string.Empty;
            var what = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? $"'{field}' is not a field of this request"
                : ApiJson.NamesAMemberTwice(ex) ? $"'{field}' is given twice: give each field once"
                : ApiJson.NestsTooDeep(ex) ? $"the body nests deeper than {ApiJson.MaxDepth} levels"
                : field.Length > 0 ? (Kind(typeof(T), field) is { } kind ? $"{field} must be {kind}" : $"{field} has a value of the wrong kind")
                : $"the body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
            throw new InvalidRequestException([new RequestProblem(field, $"{what}: expected {shape}")]);
        }
    }

    // What a top-level scalar field of the body takes, from its property's type (a number too large for it fails as a
    // value of another kind does, so the range is said too); null for a nested, list or other field.
    private static string? Kind(Type body, string field)
    {
        if (field.Contains('.', StringComparison.Ordinal) || field.Contains('[', StringComparison.Ordinal))
        {
            return null;
        }

        var type = body.GetProperties().FirstOrDefault(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) ? $"a whole number from {int.MinValue} to {int.MaxValue}"
            : type == typeof(long) ? $"a whole number from {long.MinValue} to {long.MaxValue}"
            : type == typeof(double) ? "a number"
            : type == typeof(bool) ? "true or false"
            : type == typeof(string) ? "a string"
            : type == typeof(DateTimeOffset) ? "an ISO 8601 time with an offset, e.g. 2026-12-07T22:00:00Z"
            : null;
    }

    /// <summary>A problem for each required text field that is missing or blank.</summary>
    public static IEnumerable<RequestProblem> Required(params (string Field, string? Value, string What)[] fields) =>
        fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => new RequestProblem(f.Field, $"{f.Field} is required: {f.What}"));
}
