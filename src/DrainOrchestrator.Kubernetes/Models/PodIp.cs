using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>One pod IP (core/v1 PodIP).</summary>
public sealed class PodIp : WireModel
{
    /// <summary>The address.</summary>
    [JsonPropertyName("ip")]
    public string? Ip { get; set; }
}
