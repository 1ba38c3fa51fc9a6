namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The mutable state of one node inside the model.</summary>
internal sealed class NodeState(string name)
{
    public string Name { get; } = name;

    /// <summary>Position in the scenario, used for a stable fake node address.</summary>
    public int Index { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

    public IReadOnlyList<NodeTaint> Taints { get; set; } = [];

    public bool Unschedulable { get; set; }

    /// <summary>Ready as configured; active NotReady faults override it.</summary>
    public bool BaseReady { get; set; } = true;

    public int NotReadyFaults { get; set; }

    public int NetworkLossFaults { get; set; }

    public string KubeletVersion { get; set; } = "v1.32.0";

    public long MemoryBytes { get; set; }

    public long AllocatedMemoryBytes { get; set; }

    public long NicBandwidth { get; set; }

    /// <summary>The annotations the model publishes on the node (its hint, when the scenario asks for hints).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = HintAnnotations.None;

    /// <summary>Running migrations (Scheduling or later) whose VMI is on, or migrating from, this node.</summary>
    public int OutboundInFlight { get; set; }

    /// <summary>Transfers currently sending from / receiving on this node (for bandwidth sharing).</summary>
    public int ActiveOutboundTransfers { get; set; }

    public int ActiveInboundTransfers { get; set; }

    public bool Ready => BaseReady && NotReadyFaults == 0;

    public bool MigrationNetworkUp => Ready && NetworkLossFaults == 0;

    public NodeSnapshot ToSnapshot() => new(
        Name, Labels, Taints, Unschedulable, Ready, KubeletVersion, MemoryBytes, AllocatedMemoryBytes, NicBandwidth,
        MigrationNetworkUp)
    {
        Annotations = Annotations,
    };
}
