using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Cluster-wide KubeVirt configuration (kubevirt.io/v1 KubeVirtConfiguration): the parts the orchestrator reads.</summary>
public sealed class KubeVirtConfiguration : WireModel
{
    /// <summary>Live migration limits and options.</summary>
    [JsonPropertyName("migrations")]
    public MigrationConfiguration? Migrations { get; set; }

    /// <summary>Default eviction strategy of VMIs that set none.</summary>
    public string? EvictionStrategy { get; set; }

    /// <summary>Feature gates and other developer settings.</summary>
    public DeveloperConfiguration? DeveloperConfiguration { get; set; }
}
