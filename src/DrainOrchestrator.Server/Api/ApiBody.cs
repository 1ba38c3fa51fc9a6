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
                : ex.Message.Contains("uplicate", StringComparison.Ordinal) ? $"'{field}' is given twice: give each field once"
                : field.Length > 0 ? $"{field} has a value of the wrong kind" : $"the body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
            throw new InvalidRequestException([new RequestProblem(field, $"{what}: expected {shape}")]);
        }
    }

    /// <summary>A problem for each required text field that is missing or blank.</summary>
    public static IEnumerable<RequestProblem> Required(params (string Field, string? Value, string What)[] fields) =>
        fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => new RequestProblem(f.Field, $"{f.Field} is required: {f.What}"));
}
