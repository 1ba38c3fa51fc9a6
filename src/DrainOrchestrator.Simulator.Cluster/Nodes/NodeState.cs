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

    /// <summary>While the upgrader has the node down for its reboot: why (the Ready condition's message); else null.</summary>
    public string? RebootMessage { get; set; }

    /// <summary>Virt-launcher pods bound to the node (guests, and targets of migrations coming in).</summary>
    public int PodCount { get; set; }

    public string KubeletVersion { get; set; } = "v1.32.0";

    public long MemoryBytes { get; set; }

    public long AllocatedMemoryBytes { get; set; }

    /// <summary>The pod network NIC, each way: what migrations use without a dedicated migration network.</summary>
    public long NicBandwidth { get; set; }

    /// <summary>The dedicated migration NIC each way (Multus <c>migration0</c>); 0 when the node has none.</summary>
    public long MigrationNicBandwidth { get; set; }

    /// <summary>The annotations the model publishes on the node (its hint, when the scenario asks for hints).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = HintAnnotations.None;

    /// <summary>The upgrader's annotations (<see cref="Cluster.UpgradeAnnotations"/>) once the node has been marked.</summary>
    public IReadOnlyDictionary<string, string> UpgradeAnnotations { get; set; } = HintAnnotations.None;

    /// <summary>Running migrations (Scheduling or later) whose VMI is on, or migrating from, this node.</summary>
    public int OutboundInFlight { get; set; }

    /// <summary>Someone deleted the Node object: it is gone for good (never Ready, never scheduled to again).</summary>
    public bool Deleted { get; set; }

    public bool Ready => BaseReady && NotReadyFaults == 0 && RebootMessage is null && !Deleted;

    public bool MigrationNetworkUp => Ready && NetworkLossFaults == 0;

    public NodeSnapshot ToSnapshot() => new(
        Name, Labels, Taints, Unschedulable, Ready, KubeletVersion, MemoryBytes, AllocatedMemoryBytes, NicBandwidth,
        MigrationNetworkUp)
    {
        Annotations = UpgradeAnnotations.Count == 0 ? Annotations : Merged(Annotations, UpgradeAnnotations),
        NotReadyMessage = RebootMessage,
        Deleted = Deleted,
    };

    private static Dictionary<string, string> Merged(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
    {
        var merged = new Dictionary<string, string>(first, StringComparer.Ordinal);
        foreach (var (key, value) in second)
        {
            merged[key] = value;
        }

        return merged;
    }
}
