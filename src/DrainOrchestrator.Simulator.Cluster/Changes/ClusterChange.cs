namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// One change of the model's state, published in order on <see cref="SimulatedCluster"/>'s stream. Each carries a full
/// snapshot of the object after the change, so a consumer can render it and bump its resourceVersion without reading
/// the model back.
/// </summary>
/// <param name="At">The model time of the change.</param>
public abstract record ClusterChange(DateTimeOffset At);

/// <summary>A node's spec or status changed.</summary>
public sealed record NodeChanged(DateTimeOffset At, NodeSnapshot Node) : ClusterChange(At);

/// <summary>
/// An upgrade of a node was marked or moved on (scheduled, refused, rebooting, done, failed, cancelled). The node itself
/// changes in a <see cref="NodeChanged"/> of its own (annotations, readiness, kubelet version).
/// </summary>
public sealed record NodeUpgradeChanged(DateTimeOffset At, NodeUpgradeSnapshot Upgrade) : ClusterChange(At);

/// <summary>A namespace's labels changed.</summary>
public sealed record NamespaceChanged(DateTimeOffset At, NamespaceSnapshot Namespace) : ClusterChange(At);

/// <summary>A VirtualMachine changed (labels, dirty rate, whether it has a VMI).</summary>
public sealed record VirtualMachineChanged(DateTimeOffset At, VirtualMachineSnapshot VirtualMachine) : ClusterChange(At);

/// <summary>A VMI was created or changed (phase, node, labels, migrationState).</summary>
public sealed record VmiChanged(DateTimeOffset At, VmiSnapshot Vmi) : ClusterChange(At);

/// <summary>A VMI was deleted (a cold restart deletes the old one and creates a new one with a new uid).</summary>
public sealed record VmiDeleted(DateTimeOffset At, VmiSnapshot Vmi) : ClusterChange(At);

/// <summary>A VMIM was created or changed (phase, deletion requested, abort condition, final migrationState).</summary>
public sealed record VmimChanged(DateTimeOffset At, VmimSnapshot Migration) : ClusterChange(At);

/// <summary>A VMIM left the cluster.</summary>
public sealed record VmimRemoved(DateTimeOffset At, VmimSnapshot Migration, VmimRemovalReason Reason) : ClusterChange(At);

/// <summary>A virt-launcher pod was created, bound to a node, or changed phase.</summary>
public sealed record PodChanged(DateTimeOffset At, PodSnapshot Pod, PodChangeKind Kind) : ClusterChange(At);

/// <summary>A virt-launcher pod was deleted.</summary>
public sealed record PodDeleted(DateTimeOffset At, PodSnapshot Pod) : ClusterChange(At);

/// <summary>The KubeVirt CR's migration configuration changed.</summary>
public sealed record MigrationConfigChanged(DateTimeOffset At, MigrationConfig Config) : ClusterChange(At);

/// <summary>A MigrationPolicy was created or replaced.</summary>
public sealed record MigrationPolicyChanged(DateTimeOffset At, MigrationPolicy Policy) : ClusterChange(At);

/// <summary>A MigrationPolicy was deleted.</summary>
public sealed record MigrationPolicyDeleted(DateTimeOffset At, MigrationPolicy Policy) : ClusterChange(At);

/// <summary>A CDI DataVolume (and its PVC) was created or changed.</summary>
public sealed record DataVolumeChanged(DateTimeOffset At, DataVolumeSnapshot DataVolume) : ClusterChange(At);

/// <summary>A CDI DataVolume (and its PVC) was deleted.</summary>
public sealed record DataVolumeDeleted(DateTimeOffset At, DataVolumeSnapshot DataVolume) : ClusterChange(At);
