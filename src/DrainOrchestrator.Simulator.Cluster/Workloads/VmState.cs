namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The mutable state of one VirtualMachine and its current VMI.</summary>
internal sealed class VmState
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

    public required long MemoryBytes { get; init; }

    public double DirtyRate { get; set; }

    /// <summary>Whether the VMI carries the dirty-rate hint (the scenario's <see cref="ClusterScenario.Hints"/>).</summary>
    public bool PublishesHints { get; init; }

    public long WorkingSetBytes { get; set; }

    public EvictionStrategy? EvictionStrategy { get; init; }

    public RunStrategy RunStrategy { get; set; } = RunStrategy.Always;

    /// <summary>A receiver's <c>kubevirt.io/restore-run-strategy</c>: its run strategy once the move succeeded.</summary>
    public RunStrategy? RestoreRunStrategy { get; init; }

    /// <summary>The DataVolumes its disks use (a receiver's; the decentralized transfer copies their bytes).</summary>
    public IReadOnlyList<string> DataVolumes { get; init; } = [];

    /// <summary>The guest interface's MAC address (normalized: lower case), or null when none was declared.</summary>
    public string? MacAddress { get; init; }

    public string? NonMigratableReason { get; init; }

    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<NodeSelectorTerm> RequiredNodeAffinity { get; init; } = [];

    public IReadOnlyList<Toleration> Tolerations { get; init; } = [];

    // The uid the first VMI takes (a snapshot's); null draws one from the seed.
    public string? PresetVmiUid { get; set; }

    // The current VMI; VmiUid is null when none exists.
    public string? VmiUid { get; set; }

    public VmiPhase Phase { get; set; }

    public DateTimeOffset VmiCreatedAt { get; set; }

    public PodState? Pod { get; set; }

    public VmiMigrationState? MigrationState { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>The unfinished VMIM for this VMI, if any.</summary>
    public MigrationJob? ActiveMigration { get; set; }

    /// <summary>
    /// VMIMs admitted while <see cref="ActiveMigration"/> was unfinished (only through a lagging admission cache), in
    /// creation order: each becomes the active one when the one before it finishes.
    /// </summary>
    public List<MigrationJob> QueuedMigrations { get; } = [];

    /// <summary>Finished VMIMs still kept, oldest first (KubeVirt keeps 5).</summary>
    public List<MigrationJob> FinishedMigrations { get; } = [];

    public string Key => ClusterKeys.Of(Namespace, Name);

    public string? NodeName => Pod?.Node?.Name;

    public bool HasRunningVmi => VmiUid is not null && Phase == VmiPhase.Running;

    public VmiSnapshot ToVmiSnapshot() => new()
    {
        Namespace = Namespace,
        Name = Name,
        Uid = VmiUid ?? string.Empty,
        Labels = Labels,
        Annotations = PublishesHints ? HintAnnotations.ForVmi(DirtyRate, WorkingSetBytes) : HintAnnotations.None,
        Phase = Phase,
        NodeName = Phase is VmiPhase.Scheduled or VmiPhase.Running ? NodeName : null,
        LauncherPod = Pod?.Name,
        LauncherPodUid = Pod?.Uid,
        CreatedAt = VmiCreatedAt,
        MemoryBytes = MemoryBytes,
        NonMigratableReason = NonMigratableReason,
        EvictionStrategy = EvictionStrategy,
        NodeSelector = NodeSelector,
        MigrationState = MigrationState,
        FailureReason = FailureReason,
        MacAddress = MacAddress,
    };

    public VirtualMachineSnapshot ToVmSnapshot() => new()
    {
        Namespace = Namespace,
        Name = Name,
        Uid = Uid,
        Labels = Labels,
        RunStrategy = RunStrategy,
        MemoryBytes = MemoryBytes,
        DirtyRateBytesPerSecond = DirtyRate,
        WorkingSetBytes = WorkingSetBytes,
        EvictionStrategy = EvictionStrategy,
        NonMigratableReason = NonMigratableReason,
        NodeSelector = NodeSelector,
        RequiredNodeAffinity = RequiredNodeAffinity,
        Tolerations = Tolerations,
        MacAddress = MacAddress,
        HasVmi = VmiUid is not null,
    };
}
