using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary><c>spec.receive</c> of the receiving VMIM of a decentralized migration.</summary>
public sealed class MigrationReceive : WireModel
{
    /// <summary>The ID the sending VMIM names too.</summary>
    [JsonPropertyName("migrationID")]
    public string? MigrationId { get; set; }
}
