using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Desired state of a node (core/v1 NodeSpec).</summary>
public sealed class NodeSpec : WireModel
{
    /// <summary>Pod IP range assigned to the node.</summary>
    [JsonPropertyName("podCIDR")]
    public string? PodCidr { get; set; }

    /// <summary>Pod IP ranges, one per IP family.</summary>
    [JsonPropertyName("podCIDRs")]
    public List<string>? PodCidrs { get; set; }

    /// <summary>Cloud provider's identity of the node.</summary>
    [JsonPropertyName("providerID")]
    public string? ProviderId { get; set; }

    /// <summary>True when the node is cordoned.</summary>
    public bool? Unschedulable { get; set; }

    /// <summary>Taints repelling pods that do not tolerate them.</summary>
    public List<Taint>? Taints { get; set; }
}
