namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>An immutable view of one VirtualMachineInstance.</summary>
public sealed record VmiSnapshot
{
    /// <summary>The namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The name (same as its VirtualMachine's).</summary>
    public required string Name { get; init; }

    /// <summary>The uid; a cold restart creates a new VMI with a new uid.</summary>
    public required string Uid { get; init; }

    /// <summary>The VMI's own labels (the server adds <c>kubevirt.io/nodeName</c> from <see cref="NodeName"/>).</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>The annotations the model owns: the dirty-rate hint when the scenario sets hints, else none.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = HintAnnotations.None;

    /// <summary>The VMI phase.</summary>
    public required VmiPhase Phase { get; init; }

    /// <summary><c>status.nodeName</c>.</summary>
    public string? NodeName { get; init; }

    /// <summary>The current virt-launcher pod.</summary>
    public string? LauncherPod { get; init; }

    /// <summary>The uid of <see cref="LauncherPod"/>: the guest's address on the pod network derives from it.</summary>
    public string? LauncherPodUid { get; init; }

    /// <summary>When this VMI was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Guest memory in bytes.</summary>
    public required long MemoryBytes { get; init; }

    /// <summary>The condition <c>LiveMigratable</c>: false when <see cref="NonMigratableReason"/> is set.</summary>
    public bool LiveMigratable => NonMigratableReason is null;

    /// <summary>The reason of <c>LiveMigratable=False</c>, if any.</summary>
    public string? NonMigratableReason { get; init; }

    /// <summary><c>spec.evictionStrategy</c>; null means the cluster default.</summary>
    public EvictionStrategy? EvictionStrategy { get; init; }

    /// <summary><c>spec.nodeSelector</c>.</summary>
    public required IReadOnlyDictionary<string, string> NodeSelector { get; init; }

    /// <summary><c>status.migrationState</c> of the latest migration that reached hand-off.</summary>
    public VmiMigrationState? MigrationState { get; init; }

    /// <summary>Why the VMI failed, when <see cref="Phase"/> is Failed.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The guest interface's MAC address, or null when none was declared.</summary>
    public string? MacAddress { get; init; }
}
