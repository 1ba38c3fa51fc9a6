using DrainOrchestrator.Core.Budgets;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>The budgets the cluster's PodDisruptionBudgets state, kept until a PDB, or a VMI a PDB counts, changes.</summary>
public sealed partial class SnapshotCache
{
    private IReadOnlyList<ApplicationBudget> _pdbBudgets = [];
    private bool _pdbsCountMembers;

    // After the VMIs are up to date: a percentage or minAvailable counts the VMIs a PDB covers.
    private IReadOnlyList<ApplicationBudget> DisruptionBudgets(ClusterState state, ClusterChanges? changes)
    {
        var again = changes is null || changes.All || changes.Others.Contains(ClusterKind.PodDisruptionBudget)
            || changes.Others.Contains(ClusterKind.Namespace) || (_pdbsCountMembers && changes.Vmis.Count > 0);
        if (again)
        {
            _pdbBudgets = DisruptionBudgetReader.Read(state.DisruptionBudgets, VmiList());
            _pdbsCountMembers = DisruptionBudgetReader.CountsMembers(state.DisruptionBudgets);
        }

        return _pdbBudgets;
    }
}
