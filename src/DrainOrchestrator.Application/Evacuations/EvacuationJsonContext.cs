using System.Text.Json.Serialization;

namespace DrainOrchestrator.Application.Evacuations;

/// <summary>Source-generated JSON of evacuation reports (camelCase, indented).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(EvacuationReport))]
[JsonSerializable(typeof(EvacuationView))]
[JsonSerializable(typeof(IReadOnlyList<EvacuationView>))]
public sealed partial class EvacuationJsonContext : JsonSerializerContext
{
}
