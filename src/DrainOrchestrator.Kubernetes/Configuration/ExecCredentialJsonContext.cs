using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Source-generated serialization of the exec credential exchange.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Models.KubernetesTimeJsonConverter)])]
[JsonSerializable(typeof(ExecCredentialMessage))]
internal sealed partial class ExecCredentialJsonContext : JsonSerializerContext
{
}
