namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The mutable state of one VMIM inside the model.</summary>
internal sealed class MigrationJob
{
    private readonly List<PhaseTransition> _transitions = [];

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public required string VmiName { get; init; }

    public required IReadOnlyDictionary<string, string> AddedNodeSelector { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required VmState Vm { get; init; }

    /// <summary>The uid of the VMI when the VMIM was created: a cold restart makes it stale.</summary>
    public required string VmiUid { get; init; }

    /// <summary>The seeded random admission order key.</summary>
    public required long AdmissionKey { get; init; }

    /// <summary><c>spec.priority</c>: a higher one gets a free slot before any lower one.</summary>
    public MigrationPriority? Priority { get; init; }

    /// <summary>KubeVirt's markers (evacuation, workload update) when one of its controllers created the VMIM.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Created by the model's own (KubeVirt) controller rather than through the API: the bridge stores it.</summary>
    public bool CreatedByModel { get; init; }

    public required long Sequence { get; init; }

    /// <summary>The decentralized part (<c>spec.sendTo</c> or <c>spec.receive</c>); null for an ordinary VMIM.</summary>
    public DecentralizedSpec? Decentralized { get; init; }

    /// <summary>The other side of a paired decentralized migration.</summary>
    public MigrationJob? Peer { get; set; }

    /// <summary>The controller of the cluster this VMIM lives in (a cross-cluster pair has two).</summary>
    public required ClusterController Owner { get; init; }

    /// <summary>Disk bytes a decentralized transfer copies before the memory (the receiver's DataVolumes).</summary>
    public long DiskBytes { get; set; }

    public MigrationPhase Phase { get; private set; } = MigrationPhase.Pending;

    /// <summary>Bumped on every phase change so stale scheduled events can tell.</summary>
    public int Generation { get; private set; }

    public IReadOnlyList<PhaseTransition> Transitions => _transitions;

    public bool DeletionRequested { get; set; }

    public bool AbortRequested { get; set; }

    /// <summary>Whether the hand-off routed the transfer over the dedicated migration network.</summary>
    public bool OnMigrationNetwork { get; set; }

    public string? FailureReason { get; set; }

    public NodeState? SourceNode { get; set; }

    public string? SourcePod { get; set; }

    public PodState? TargetPod { get; set; }

    public NodeState? TargetNode => TargetPod?.Node;

    public string? TargetNodeName { get; set; }

    public string? TargetPodName { get; set; }

    public Transfer? Transfer { get; set; }

    public VmiMigrationState? FinalMigrationState { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public bool Removed { get; set; }

    public bool IsFinal => Phase is MigrationPhase.Succeeded or MigrationPhase.Failed;

    /// <summary>Scheduling or later and not final: counts against KubeVirt's limits.</summary>
    public bool IsInFlight => Phase >= MigrationPhase.Scheduling && !IsFinal;

    public string Key => ClusterKeys.Of(Namespace, Name);

    public void EnterPhase(MigrationPhase phase, DateTimeOffset at)
    {
        Phase = phase;
        Generation++;
        _transitions.Add(new PhaseTransition(phase, at));
    }

    public VmimSnapshot ToSnapshot() => new()
    {
        Namespace = Namespace,
        Name = Name,
        Uid = Uid,
        VmiName = VmiName,
        AddedNodeSelector = AddedNodeSelector,
        Priority = Priority,
        Annotations = Annotations,
        CreatedByModel = CreatedByModel,
        CreatedAt = CreatedAt,
        Phase = DecentralizedPhases.Shown(Decentralized, Phase),
        PhaseTransitions = DecentralizedPhases.Shown(Decentralized, _transitions),
        Decentralized = Decentralized,
        SynchronizationAddresses = Decentralized is null ? [] : [Owner.SyncAddress],
        DiskBytes = DiskBytes,
        DeletionRequested = DeletionRequested,
        AbortRequested = AbortRequested,
        FailureReason = FailureReason,
        SourceNode = SourceNode?.Name,
        TargetNode = TargetNodeName,
        TargetPod = TargetPodName,
        MigrationState = FinalMigrationState,
        Mode = Transfer?.Mode,
        BytesProcessed = (long)(Transfer?.Processed ?? 0),
        BytesTotal = Vm.MemoryBytes + DiskBytes,
        TransferRateBytesPerSecond = Transfer?.Rate ?? 0,
        DirtyRateBytesPerSecond = Transfer is { Mode: MigrationMode.PreCopy } t ? Vm.DirtyRate * (1 - t.Throttle) : 0,
        BytesRemaining = (long)(Transfer?.Remaining ?? (IsFinal ? 0 : Vm.MemoryBytes + DiskBytes)),
    };
}
