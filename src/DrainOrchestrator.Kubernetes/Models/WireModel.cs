using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>
/// Base of every wire model: keeps the JSON members this library does not model, so that an object read from the API
/// and written back (an update) sends every field the server sent, including ones added by newer API versions.
/// </summary>
public abstract class WireModel
{
    /// <summary>Members of the JSON object that have no property here, kept verbatim for the round trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
