using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Api.Http;

/// <summary>Writes API answers: stored objects as their cached bytes, JSON documents, and statuses.</summary>
internal static class ApiResponses
{
    public const string JsonContentType = "application/json";

    public static async Task WriteObjectAsync(HttpResponse response, int statusCode, StoredObject obj, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = obj.Json.Length;
        await response.Body.WriteAsync(obj.Json, cancellationToken);
    }

    public static async Task WriteJsonAsync(HttpResponse response, int statusCode, JsonNode document, CancellationToken cancellationToken)
    {
        var bytes = ObjectJson.Serialize(document);
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken);
    }

    public static Task WriteStatusAsync(HttpResponse response, ApiStatus status, CancellationToken cancellationToken)
    {
        if (status.RetryAfterSeconds is { } retry && status.Code is 429 or >= 500)
        {
            response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        }

        return WriteJsonAsync(response, status.Code, status.ToJson(), cancellationToken);
    }

    public static JsonObject SuccessStatus(StoredObject deleted) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject
        {
            ["name"] = deleted.Name,
            ["group"] = deleted.Type.Group,
            ["kind"] = deleted.Type.Plural,
            ["uid"] = deleted.Uid,
        },
    };

    /// <summary>Streams a list: the header, then each item's cached bytes, flushing as it goes.</summary>
    public static async Task WriteListAsync(HttpResponse response, string apiVersion, string listKind, ListResult list, CancellationToken cancellationToken)
    {
        response.StatusCode = 200;
        response.ContentType = JsonContentType;
        var body = response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteString("kind", listKind);
        writer.WriteString("apiVersion", apiVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", list.ResourceVersion.ToString(CultureInfo.InvariantCulture));
        if (list.Continue is not null)
        {
            writer.WriteString("continue", list.Continue);
            writer.WriteNumber("remainingItemCount", list.RemainingItemCount ?? 0);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("items");
        foreach (var item in list.Items)
        {
            writer.WriteRawValue(item.Json.Span, skipInputValidation: true);
            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }
}
