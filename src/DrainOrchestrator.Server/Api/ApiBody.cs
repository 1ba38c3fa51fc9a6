using System.Text.Json;
using System.Text.Json.Serialization;
using DrainOrchestrator.Application.Requests;
using Microsoft.AspNetCore.Http;

namespace DrainOrchestrator.Server.Api;

/// <summary>Reads a JSON request body into its record: malformed JSON, a field of the wrong kind and an unknown field are invalid requests.</summary>
internal static class ApiBody
{
    private static readonly JsonSerializerOptions Strict = new(ApiJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

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
            var at = ex.Path is { Length: > 2 } path ? path[2..] : string.Empty;
            throw new InvalidRequestException([new RequestProblem(at,
                $"the body is not what was expected ({FirstSentence(ex.Message)}): expected {shape}")]);
        }
    }

    /// <summary>A problem for each required text field that is missing or blank.</summary>
    public static IEnumerable<RequestProblem> Required(params (string Field, string? Value, string What)[] fields) =>
        fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => new RequestProblem(f.Field, $"{f.Field} is required: {f.What}"));

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
