namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A node of the scenario.</summary>
public sealed record NodeDefinition
{
    /// <summary>The node name.</summary>
    public required string Name { get; init; }

    /// <summary>Labels; <c>kubernetes.io/hostname</c> is added when missing.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Taints.</summary>
    public IReadOnlyList<NodeTaint> Taints { get; init; } = [];

    /// <summary>Allocatable memory in bytes.</summary>
    public required long MemoryBytes { get; init; }

    /// <summary>
    /// The pod network NIC's bandwidth each way, bytes per second: what migrations use without a dedicated migration
    /// network, or on a node without a migration NIC.
    /// </summary>
    public required long NicBandwidthBytesPerSecond { get; init; }

    /// <summary>The dedicated migration NIC's bandwidth each way, bytes per second; 0 when the node has none.</summary>
    public long MigrationNicBandwidthBytesPerSecond { get; init; }

    /// <summary>The kubelet version.</summary>
    public string KubeletVersion { get; init; } = "v1.32.0";

    /// <summary>Whether the node starts Ready.</summary>
    public bool Ready { get; init; } = true;

    /// <summary>Whether the node starts cordoned.</summary>
    public bool Unschedulable { get; init; }
}
