using System.Text.Json;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>Journal payloads as JSON objects.</summary>
internal static class JournalPayload
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(object payload) => JsonSerializer.Serialize(payload, payload.GetType(), Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
