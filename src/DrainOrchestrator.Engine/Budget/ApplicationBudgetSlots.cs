using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Budget;

namespace DrainOrchestrator.Engine.Budget;

/// <summary>
/// An application budget as the cluster's durable budget checks it (<see cref="BudgetSlotRequest"/>): its members in
/// foreign VMIMs of this pass's view, and membership of the VMIs of the slots any drain holds, by their labels and
/// annotation in the view (a VMI the view no longer shows has finished moving and counts for nothing); for an
/// unavailability budget also every drain's restarts in flight of its members.
/// </summary>
internal static class ApplicationBudgetSlots
{
    public static BudgetSlotRequest Request(ApplicationBudget budget, ClusterLoad load, ClusterState? cluster)
    {
        var foreign = 0;
        foreach (var migration in load.ForeignMigrations)
        {
            if (migration.VmiLabels is { } labels && budget.Covers(migration.Namespace, labels, migration.VmiBudget))
            {
                foreign++;
            }
        }

        return new BudgetSlotRequest(budget.Name, budget.Limit, foreign, (ns, name) =>
            cluster?.FindVmi(ns, name) is { } vmi
            && budget.Covers(ns, vmi.Metadata.Labels ?? Empty, BudgetAnnotationReader.Read(vmi.Metadata.Annotations)))
        {
            // A restarted VM is down until its next VMI runs: a member by that VMI's labels, or, while it does not exist
            // yet (its labels unknown), by its namespace alone, so a member down is never taken for none.
            IsRestartMember = budget.Kind != BudgetLimitKind.MaxUnavailable ? null : (ns, name) =>
                cluster?.FindVmi(ns, name) is { } vmi
                    ? budget.Covers(ns, vmi.Metadata.Labels ?? Empty, BudgetAnnotationReader.Read(vmi.Metadata.Annotations))
                    : budget.CoversNamespace(ns),
        };
    }

    private static readonly Dictionary<string, string> Empty = new(StringComparer.Ordinal);
}
