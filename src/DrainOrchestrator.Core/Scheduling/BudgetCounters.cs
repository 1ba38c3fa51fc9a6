using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// The members of each of the plan's application budgets counted now: every unfinished migration the cluster shows
/// (ours, other drains', foreign) and our journaled attempts it does not show yet, by VMI; for a
/// <see cref="BudgetLimitKind.MaxUnavailable"/> budget also our restarts in flight, those of a VMI the plan no longer
/// holds included. Costs the migrations in flight
/// times the budgets: an item's budgets come from <see cref="PlanIndex.ItemBudgets"/>, never from matching the plan.
/// </summary>
internal sealed class BudgetCounters
{
    private readonly PlanIndex _plan;
    private readonly int[] _counts;

    private BudgetCounters(PlanIndex plan)
    {
        _plan = plan;
        _counts = new int[plan.Budgets.Length];
    }

    /// <summary>The counters of <paramref name="state"/>; null when the plan has no budget.</summary>
    public static BudgetCounters? Build(SchedulerState state, PlanIndex plan)
    {
        if (plan.Budgets.Length == 0)
        {
            return null;
        }

        var counters = new BudgetCounters(plan);
        var counted = new HashSet<string>(StringComparer.Ordinal);
        var vmims = new HashSet<string>(StringComparer.Ordinal);
        foreach (var migration in state.Cluster.UnfinishedMigrations)
        {
            var vmi = migration.Namespace + "/" + migration.VmiName;
            if (migration.IsFinished || !vmims.Add(migration.Namespace + "/" + migration.Name) || !counted.Add(vmi))
            {
                continue;
            }

            var item = plan.LastIndexOfQualifiedName(vmi);
            if (item >= 0)
            {
                counters.Count(plan.ItemBudgets[item], restart: false);
            }
            else if (migration.VmiLabels is { } labels)
            {
                for (var b = 0; b < plan.Budgets.Length; b++)
                {
                    if (plan.Budgets[b].Covers(migration.Namespace, labels, migration.VmiBudget))
                    {
                        counters._counts[b]++;
                    }
                }
            }
        }

        List<MigrationAttempt>? orphans = null;
        foreach (var attempt in state.Attempts)
        {
            var item = attempt.Status == AttemptStatus.InFlight ? plan.LastIndexOf(attempt.VmiUid) : -1;
            if (item < 0)
            {
                if (attempt is { Kind: AttemptKind.Restart, Status: AttemptStatus.InFlight, VmiQualifiedName: not null })
                {
                    (orphans ??= []).Add(attempt);
                }

                continue;
            }

            if (attempt.Kind == AttemptKind.Restart || counted.Add(plan.Items[item].Vmi.QualifiedName))
            {
                counters.Count(plan.ItemBudgets[item], restart: attempt.Kind == AttemptKind.Restart);
            }
        }

        if (orphans is not null)
        {
            counters.CountOrphanRestarts(orphans, state.Cluster.Vmis);
        }

        return counters;
    }

    // Restarts in flight whose VMI the plan no longer holds (planned again after a crash while the VM restarted): each
    // counts for the unavailability budgets its VM's next VMI is a member of, or, while that VMI does not exist yet (its
    // labels unknown), for every unavailability budget of its namespace: a member may be down, so none is assumed not.
    private void CountOrphanRestarts(List<MigrationAttempt> orphans, IReadOnlyList<VmiSnapshot> vmis)
    {
        var names = orphans.Select(o => o.VmiQualifiedName!).ToHashSet(StringComparer.Ordinal);
        var next = new Dictionary<string, VmiSnapshot>(StringComparer.Ordinal);
        foreach (var vmi in vmis)
        {
            if (names.Contains(vmi.QualifiedName))
            {
                next[vmi.QualifiedName] = vmi;
            }
        }

        foreach (var name in names)
        {
            var ns = name[..name.IndexOf('/', StringComparison.Ordinal)];
            for (var b = 0; b < _plan.Budgets.Length; b++)
            {
                var budget = _plan.Budgets[b];
                if (budget.Kind == BudgetLimitKind.MaxUnavailable && (next.TryGetValue(name, out var vmi)
                    ? budget.Covers(vmi.Namespace, vmi.Labels, vmi.Budget)
                    : budget.CoversNamespace(ns)))
                {
                    _counts[b]++;
                }
            }
        }
    }

    /// <summary>Whether item <paramref name="item"/> may start now (a migration, or a restart when <paramref name="restart"/>).</summary>
    public bool Admits(int item, bool restart)
    {
        foreach (var b in _plan.ItemBudgets[item])
        {
            var budget = _plan.Budgets[b];
            if ((!restart || budget.Kind == BudgetLimitKind.MaxUnavailable) && _counts[b] >= budget.Limit)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Counts a start of item <paramref name="item"/> decided in this pass.</summary>
    public void Take(int item, bool restart) => Count(_plan.ItemBudgets[item], restart);

    /// <summary>The budgets of item <paramref name="item"/>.</summary>
    public ApplicationBudget[] Of(int item) => [.. _plan.ItemBudgets[item].Select(b => _plan.Budgets[b])];

    // A restart disrupts a member without migrating it: it counts only where unavailability does.
    private void Count(int[] budgets, bool restart)
    {
        foreach (var b in budgets)
        {
            if (!restart || _plan.Budgets[b].Kind == BudgetLimitKind.MaxUnavailable)
            {
                _counts[b]++;
            }
        }
    }
}
