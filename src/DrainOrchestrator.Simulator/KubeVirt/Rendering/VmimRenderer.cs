using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>
/// A model VMIM's status as kubevirt.io/v1 VirtualMachineInstanceMigrationStatus: phase, every phase transition with its
/// time, the <c>migrationAbortRequested</c> condition once a deletion asked for an abort, and the VMI's migrationState
/// copied in once the migration is final (live progress is only on the VMI, as in KubeVirt).
/// </summary>
internal static class VmimRenderer
{
    /// <summary>The parts of a stored VMIM the model owns; spec, labels and finalizers are set once at creation.</summary>
    public static IReadOnlyList<string[]> OwnedPaths { get; } = [["status"]];

    /// <summary>
    /// A whole VMIM one of KubeVirt's own controllers created in the model (an evacuation): its markers, the VMI label
    /// and finalizer virt-controller sets, the system-critical priority, and the status.
    /// </summary>
    public static VirtualMachineInstanceMigration Render(VmimSnapshot migration, RenderContext context, DateTimeOffset at) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = migration.Name,
            Namespace = migration.Namespace,
            Uid = migration.Uid,
            CreationTimestamp = migration.CreatedAt,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [KubeVirtNames.VmiNameLabel] = migration.VmiName },
            Annotations = migration.Annotations.Count == 0 ? null : new Dictionary<string, string>(migration.Annotations, StringComparer.Ordinal),
            Finalizers = [KubeVirtNames.MigrationFinalizer],
        },
        Spec = new VirtualMachineInstanceMigrationSpec
        {
            VmiName = migration.VmiName,
            Priority = migration.Priority is { } priority ? MigrationPriorities.Name(priority) : null,
        },
        Status = Status(migration, context, at),
    };

    public static VirtualMachineInstanceMigrationStatus Status(VmimSnapshot migration, RenderContext context, DateTimeOffset at) => new()
    {
        Phase = migration.Phase.ToString(),
        PhaseTransitionTimestamps =
        [
            .. migration.PhaseTransitions.Select(t => new MigrationPhaseTransitionTimestamp
            {
                Phase = t.Phase.ToString(),
                PhaseTransitionTimestamp = t.At,
            }),
        ],
        Conditions = migration.AbortRequested
            ? [WireConversions.Condition(KubeVirtNames.AbortRequestedCondition, true, context.AbortSeen(migration.Uid, at),
                "MigrationAbortRequested", "The migration was deleted: its abort was requested")]
            : null,
        MigrationState = migration.IsFinal && migration.MigrationState is { } state
            ? MigrationStateRenderer.Render(state, context)
            : null,
    };
}
