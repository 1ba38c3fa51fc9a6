namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Observed state of a node (core/v1 NodeStatus).</summary>
public sealed class NodeStatus : WireModel
{
    /// <summary>Total resources of the node.</summary>
    public Dictionary<string, Quantity>? Capacity { get; set; }

    /// <summary>Resources available to pods.</summary>
    public Dictionary<string, Quantity>? Allocatable { get; set; }

    /// <summary>Conditions such as <c>Ready</c>.</summary>
    public List<NodeCondition>? Conditions { get; set; }

    /// <summary>Addresses of the node.</summary>
    public List<NodeAddress>? Addresses { get; set; }

    /// <summary>Versions and identities reported by the kubelet.</summary>
    public NodeSystemInfo? NodeInfo { get; set; }

    /// <summary>Deprecated lifecycle phase.</summary>
    public string? Phase { get; set; }
}
