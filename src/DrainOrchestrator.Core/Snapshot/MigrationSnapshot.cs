using DrainOrchestrator.Core.Budgets;

namespace DrainOrchestrator.Core.Snapshot;

/// <summary>An unfinished VMIM in the cluster, created by us or by anyone else.</summary>
/// <param name="Namespace">The VMIM's (and its VMI's) namespace.</param>
/// <param name="Name">The VMIM name.</param>
/// <param name="VmiName">The migrating VMI's name.</param>
/// <param name="SourceNode">The node the VMI is migrating from.</param>
/// <param name="TargetNode">The target node, once known (pinned by us or reported in the migration state).</param>
/// <param name="Phase">The VMIM's phase.</param>
/// <param name="MemoryBytes">The migrating VMI's memory, when known (reserved on the target until the snapshot shows it).</param>
public sealed record MigrationSnapshot(
    string Namespace,
    string Name,
    string VmiName,
    string SourceNode,
    string? TargetNode,
    MigrationPhase Phase,
    long MemoryBytes = 0)
{
    /// <summary>The migrating VMI's labels, when it is seen (application budgets count its migration by them).</summary>
    public IReadOnlyDictionary<string, string>? VmiLabels { get; init; }

    /// <summary>The migrating VMI's budget annotation, when it is seen and has one.</summary>
    public BudgetAnnotation? VmiBudget { get; init; }

    /// <summary>Whether the VMIM has reached a final phase.</summary>
    public bool IsFinished => Phase is MigrationPhase.Succeeded or MigrationPhase.Failed;
}
