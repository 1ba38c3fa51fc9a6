using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary><c>spec.sendTo</c> of the sending VMIM of a decentralized migration.</summary>
public sealed class MigrationSendTo : WireModel
{
    /// <summary>The ID the receiving VMIM names too.</summary>
    [JsonPropertyName("migrationID")]
    public string? MigrationId { get; set; }

    /// <summary>The target side's synchronization controller, <c>host:port</c>.</summary>
    [JsonPropertyName("connectURL")]
    public string? ConnectUrl { get; set; }
}
