using DrainOrchestrator.Core.Budgets;

namespace DrainOrchestrator.Core.Snapshot;

/// <summary>A VirtualMachineInstance as the planner and scheduler see it.</summary>
/// <param name="Namespace">The VMI's namespace.</param>
/// <param name="Name">The VMI's name.</param>
/// <param name="Uid">The VMI's uid (the identity used in records and VMIM names).</param>
/// <param name="NodeName">The node it runs on (<c>status.nodeName</c>).</param>
/// <param name="Labels">The VMI labels.</param>
/// <param name="NamespaceLabels">The labels of its namespace (for MigrationPolicy selection).</param>
/// <param name="MemoryBytes">Guest memory if set, else the memory request.</param>
/// <param name="NodeSelector">The VMI's nodeSelector.</param>
/// <param name="RequiredAffinityTerms">Required node affinity terms (alternatives); empty means no constraint.</param>
/// <param name="Tolerations">The VMI's tolerations.</param>
/// <param name="LiveMigratable">Status of the LiveMigratable condition; null when the condition is absent.</param>
/// <param name="LiveMigratableReason">The condition's reason, e.g. <c>DisksNotLiveMigratable</c>.</param>
/// <param name="EvictionStrategy">The VMI's eviction strategy; <see cref="EvictionStrategy.Unset"/> means the cluster default.</param>
/// <param name="RunStrategy">The owning VM's run strategy; <see cref="RunStrategy.None"/> for a bare VMI.</param>
/// <param name="DirtyRateBytesPerSecond">The guest's observed memory dirty rate, when known.</param>
public sealed record VmiSnapshot(
    string Namespace,
    string Name,
    string Uid,
    string NodeName,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> NamespaceLabels,
    long MemoryBytes,
    IReadOnlyDictionary<string, string> NodeSelector,
    IReadOnlyList<NodeSelectorTerm> RequiredAffinityTerms,
    IReadOnlyList<Toleration> Tolerations,
    bool? LiveMigratable,
    string? LiveMigratableReason,
    EvictionStrategy EvictionStrategy,
    RunStrategy RunStrategy,
    long? DirtyRateBytesPerSecond)
{
    /// <summary>The VMI's budget annotation (<see cref="BudgetAnnotation"/>); null when it has none.</summary>
    public BudgetAnnotation? Budget { get; init; }

    /// <summary>
    /// The memory the guest keeps re-writing (its working set), when known: at most that much is dirty after the first
    /// pass, which the cost model uses (<see cref="Planning.MigrationCostModel"/>). Null when unknown.
    /// </summary>
    public long? WorkingSetBytes { get; init; }

    /// <summary><c>namespace/name</c>, for messages.</summary>
    public string QualifiedName => Namespace + "/" + Name;
}
