using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Api.Http;

/// <summary>Reads request bodies as JSON; a malformed body is a 400, a non-JSON one a 415.</summary>
internal static class RequestBody
{
    public static async Task<JsonNode?> ReadJsonAsync(HttpRequest request, bool allowEmpty, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return allowEmpty ? null : throw new ApiStatusException(ApiErrors.BadRequest("the request body is empty"));
        }

        try
        {
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (JsonException e)
        {
            throw new ApiStatusException(ApiErrors.BadRequest($"the request body is not valid JSON: {e.Message}"));
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType == Protobuf.ProtobufBodies.MediaType)
        {
            // kubectl's typed clients (create namespace, create token, auth can-i) send protobuf.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            return Protobuf.ProtobufBodies.TryDecode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))
                ?? throw new ApiStatusException(ApiErrors.UnsupportedMediaType(mediaType));
        }

        if (mediaType is not null and not "application/json")
        {
            throw new ApiStatusException(ApiErrors.UnsupportedMediaType(mediaType));
        }

        return await ReadJsonAsync(request, allowEmpty: false, cancellationToken) as JsonObject
            ?? throw new ApiStatusException(ApiErrors.BadRequest("the request body must be a JSON object"));
    }
}
