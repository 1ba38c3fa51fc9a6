using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Observed state of a pod (core/v1 PodStatus).</summary>
public sealed class PodStatus : WireModel
{
    /// <summary><c>Pending</c>, <c>Running</c>, <c>Succeeded</c>, <c>Failed</c> or <c>Unknown</c>.</summary>
    public string? Phase { get; set; }

    /// <summary>Pod conditions such as <c>Ready</c>.</summary>
    public List<Condition>? Conditions { get; set; }

    /// <summary>Primary pod IP.</summary>
    [JsonPropertyName("podIP")]
    public string? PodIp { get; set; }

    /// <summary>Pod IPs, one per family.</summary>
    [JsonPropertyName("podIPs")]
    public List<PodIp>? PodIps { get; set; }

    /// <summary>IP of the node.</summary>
    [JsonPropertyName("hostIP")]
    public string? HostIp { get; set; }

    /// <summary>Reason for the current phase, e.g. <c>Evicted</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>Detail for the current phase.</summary>
    public string? Message { get; set; }

    /// <summary>One status per container of the spec.</summary>
    public List<ContainerStatus>? ContainerStatuses { get; set; }

    /// <summary>When the kubelet accepted the pod.</summary>
    public DateTimeOffset? StartTime { get; set; }
}
