namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A virtual machine of the scenario (its VMI starts running unless the run strategy is Halted).</summary>
public sealed record VmDefinition
{
    /// <summary>The namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The VMI labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Guest memory in bytes.</summary>
    public required long MemoryBytes { get; init; }

    /// <summary>How fast the guest dirties memory, bytes per second.</summary>
    public double DirtyRateBytesPerSecond { get; init; }

    /// <summary>The memory the guest keeps re-writing; null means a quarter of the memory.</summary>
    public long? WorkingSetBytes { get; init; }

    /// <summary><c>spec.evictionStrategy</c>; null means the cluster default.</summary>
    public EvictionStrategy? EvictionStrategy { get; init; }

    /// <summary><c>spec.runStrategy</c>.</summary>
    public RunStrategy RunStrategy { get; init; } = RunStrategy.Always;

    /// <summary>The <c>LiveMigratable=False</c> reason, see <see cref="LiveMigratableReasons"/>.</summary>
    public string? NonMigratableReason { get; init; }

    /// <summary>The nodeSelector.</summary>
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();

    /// <summary>Required node affinity terms (ORed).</summary>
    public IReadOnlyList<NodeSelectorTerm> RequiredNodeAffinity { get; init; } = [];

    /// <summary>Tolerations.</summary>
    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    /// <summary>The MAC address of the guest's interface (<c>macAddress</c> of its one interface); null lets KubeVirt pick one.</summary>
    public string? MacAddress { get; init; }

    /// <summary>The node the VMI starts on; null lets the scheduler choose.</summary>
    public string? Node { get; init; }

    /// <summary>The VirtualMachine's uid (a snapshot of a real cluster keeps it); null draws one from the seed.</summary>
    public string? Uid { get; init; }

    /// <summary>The first VMI's uid (a snapshot keeps it, so plans that order by uid agree); null draws one from the seed.</summary>
    public string? VmiUid { get; init; }
}
