namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>An immutable view of one VirtualMachine (the definition that owns the VMI).</summary>
public sealed record VirtualMachineSnapshot
{
    /// <summary>The namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The VM's uid (stable for the whole run).</summary>
    public required string Uid { get; init; }

    /// <summary>The labels of the VMI template.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary><c>spec.runStrategy</c>.</summary>
    public required RunStrategy RunStrategy { get; init; }

    /// <summary>Guest memory in bytes.</summary>
    public required long MemoryBytes { get; init; }

    /// <summary>The guest's current memory dirty rate, bytes per second.</summary>
    public required double DirtyRateBytesPerSecond { get; init; }

    /// <summary>The working set the guest keeps re-dirtying.</summary>
    public required long WorkingSetBytes { get; init; }

    /// <summary><c>spec.evictionStrategy</c>; null means the cluster default.</summary>
    public EvictionStrategy? EvictionStrategy { get; init; }

    /// <summary>The reason the VM cannot live-migrate, if any.</summary>
    public string? NonMigratableReason { get; init; }

    /// <summary><c>spec.template.spec.nodeSelector</c>.</summary>
    public required IReadOnlyDictionary<string, string> NodeSelector { get; init; }

    /// <summary>Required node affinity terms (ORed).</summary>
    public required IReadOnlyList<NodeSelectorTerm> RequiredNodeAffinity { get; init; }

    /// <summary>The tolerations.</summary>
    public required IReadOnlyList<Toleration> Tolerations { get; init; }

    /// <summary>The guest interface's MAC address (<c>spec.template.spec.domain.devices.interfaces[0].macAddress</c>), or null.</summary>
    public string? MacAddress { get; init; }

    /// <summary>Whether a VMI currently exists.</summary>
    public required bool HasVmi { get; init; }
}
