namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A node condition (core/v1 NodeCondition); nodes report heartbeats instead of probes.</summary>
public sealed class NodeCondition : WireModel
{
    /// <summary>Condition type, e.g. <c>Ready</c>, <c>MemoryPressure</c>.</summary>
    public string? Type { get; set; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public string? Status { get; set; }

    /// <summary>When the kubelet last reported it.</summary>
    public DateTimeOffset? LastHeartbeatTime { get; set; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset? LastTransitionTime { get; set; }

    /// <summary>Machine-readable reason.</summary>
    public string? Reason { get; set; }

    /// <summary>Human-readable detail.</summary>
    public string? Message { get; set; }
}
