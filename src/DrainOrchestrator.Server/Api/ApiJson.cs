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

    /// <summary>Applies the API's settings to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
