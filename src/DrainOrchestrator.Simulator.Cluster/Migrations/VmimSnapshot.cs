namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>An immutable view of one VirtualMachineInstanceMigration.</summary>
public sealed record VmimSnapshot
{
    /// <summary>The namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The uid given at creation.</summary>
    public required string Uid { get; init; }

    /// <summary><c>spec.vmiName</c>.</summary>
    public required string VmiName { get; init; }

    /// <summary><c>spec.addedNodeSelector</c>.</summary>
    public required IReadOnlyDictionary<string, string> AddedNodeSelector { get; init; }

    /// <summary><c>spec.priority</c>.</summary>
    public MigrationPriority? Priority { get; init; }

    /// <summary>The annotations the model set or knows (KubeVirt's evacuation and workload-update markers).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>The decentralized part (<c>spec.sendTo</c> or <c>spec.receive</c>); null for an ordinary VMIM.</summary>
    public DecentralizedSpec? Decentralized { get; init; }

    /// <summary><c>status.synchronizationAddresses</c> (decentralized VMIMs only).</summary>
    public IReadOnlyList<string> SynchronizationAddresses { get; init; } = [];

    /// <summary>Disk bytes a decentralized transfer copies before the memory.</summary>
    public long DiskBytes { get; init; }

    /// <summary>KubeVirt's own controller (the model) created it; clients' VMIMs are created through the API.</summary>
    public bool CreatedByModel { get; init; }

    /// <summary>When created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary><c>status.phase</c>.</summary>
    public required MigrationPhase Phase { get; init; }

    /// <summary><c>status.phaseTransitionTimestamps</c>.</summary>
    public required IReadOnlyList<PhaseTransition> PhaseTransitions { get; init; }

    /// <summary>A delete was requested; the server shows a deletionTimestamp until the object is removed.</summary>
    public required bool DeletionRequested { get; init; }

    /// <summary>The condition <c>migrationAbortRequested</c>.</summary>
    public required bool AbortRequested { get; init; }

    /// <summary>Why the migration failed.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The node the VMI was on when the migration was admitted.</summary>
    public string? SourceNode { get; init; }

    /// <summary>The node the target pod was placed on.</summary>
    public string? TargetNode { get; init; }

    /// <summary>The target pod.</summary>
    public string? TargetPod { get; init; }

    /// <summary><c>status.migrationState</c>: a copy of the VMI's, set only once the VMIM is final.</summary>
    public VmiMigrationState? MigrationState { get; init; }

    /// <summary>The current transfer mode, once Running.</summary>
    public MigrationMode? Mode { get; init; }

    /// <summary>Bytes sent so far (model output, not a KubeVirt field).</summary>
    public required long BytesProcessed { get; init; }

    /// <summary>Bytes still to send (model output, not a KubeVirt field).</summary>
    public required long BytesRemaining { get; init; }

    /// <summary>The bytes the guest's memory holds (model output: libvirt's data total).</summary>
    public long BytesTotal { get; init; }

    /// <summary>The current transfer rate in bytes per second while the memory moves, else 0 (model output).</summary>
    public double TransferRateBytesPerSecond { get; init; }

    /// <summary>
    /// The rate at which the guest dirties memory that must be sent again, in bytes per second: its dirty rate slowed by
    /// auto-converge, 0 once paused or in post-copy (model output).
    /// </summary>
    public double DirtyRateBytesPerSecond { get; init; }

    /// <summary>Whether the phase is Succeeded or Failed.</summary>
    public bool IsFinal => Phase is MigrationPhase.Succeeded or MigrationPhase.Failed;
}
