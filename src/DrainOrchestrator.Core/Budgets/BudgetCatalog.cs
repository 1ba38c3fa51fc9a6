using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Budgets;

/// <summary>
/// The application budgets a drain honours, once per plan: the policy's, one per annotation name of each namespace
/// (<see cref="BudgetAnnotation"/>), and those the cluster states (<see cref="ClusterSnapshot.Budgets"/>). Names are
/// unique: a later budget with a name already taken is dropped and reported (the policy's win).
/// </summary>
public sealed class BudgetCatalog
{
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);

    private BudgetCatalog(List<ApplicationBudget> budgets, List<string> warnings)
    {
        Budgets = budgets;
        Warnings = warnings;
    }

    /// <summary>The budgets, policy's first.</summary>
    public IReadOnlyList<ApplicationBudget> Budgets { get; }

    /// <summary>Budgets dropped or adjusted, in words.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The catalogue of <paramref name="snapshot"/> under <paramref name="policy"/>.</summary>
    public static BudgetCatalog Of(ClusterSnapshot snapshot, DrainPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        var budgets = new List<ApplicationBudget>();
        var warnings = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var annotated = Annotated(snapshot, out var disagreements);
        foreach (var budget in policy.Budgets.Concat(annotated).Concat(snapshot.Budgets))
        {
            if (names.Add(budget.Name))
            {
                budgets.Add(budget);
            }
            else
            {
                warnings.Add($"application budget {budget} ignored: a budget named '{budget.Name}' comes first");
            }
        }

        var catalog = new BudgetCatalog(budgets, warnings);
        foreach (var (name, problem) in disagreements)
        {
            catalog._problems[name] = problem;
        }

        return catalog;
    }

    /// <summary>The positions in <see cref="Budgets"/> of the budgets covering a VM.</summary>
    public List<int> IndicesOf(string ns, IReadOnlyDictionary<string, string> labels, BudgetAnnotation? annotation)
    {
        var found = new List<int>();
        for (var b = 0; b < Budgets.Count; b++)
        {
            if (Budgets[b].Covers(ns, labels, annotation))
            {
                found.Add(b);
            }
        }

        return found;
    }

    /// <summary>The names of the budgets covering <paramref name="vmi"/>.</summary>
    public IReadOnlyList<string> NamesOf(VmiSnapshot vmi)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        return Budgets.Count == 0 ? [] : [.. IndicesOf(vmi.Namespace, vmi.Labels, vmi.Budget).Select(b => Budgets[b].Name)];
    }

    /// <summary>The budgets covering at least one of <paramref name="items"/>, with their members in <paramref name="snapshot"/>.</summary>
    public IReadOnlyList<PlannedBudget> Planned(ClusterSnapshot snapshot, IReadOnlyList<PlannedVmi> items)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(items);
        if (Budgets.Count == 0)
        {
            return [];
        }

        var toMove = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Disposition is PlanDisposition.Migrate or PlanDisposition.Restart)
            {
                foreach (var name in item.Budgets)
                {
                    toMove[name] = toMove.GetValueOrDefault(name) + 1;
                }
            }
        }

        var members = new int[Budgets.Count];
        foreach (var vmi in snapshot.Vmis)
        {
            foreach (var b in IndicesOf(vmi.Namespace, vmi.Labels, vmi.Budget))
            {
                members[b]++;
            }
        }

        var planned = new List<PlannedBudget>();
        for (var b = 0; b < Budgets.Count; b++)
        {
            var budget = Budgets[b];
            if (toMove.TryGetValue(budget.Name, out var moving))
            {
                var problem = _problems.GetValueOrDefault(budget.Name)
                    ?? (budget.Limit == 0 ? "its limit is 0: none of its members can move while it stands" : null);
                planned.Add(new PlannedBudget(budget, members[b], moving, problem));
            }
        }

        return planned;
    }

    // One budget per annotation name and namespace; members that state different limits get the lowest (reported).
    private static List<ApplicationBudget> Annotated(ClusterSnapshot snapshot, out Dictionary<string, string> disagreements)
    {
        var byName = new Dictionary<string, ApplicationBudget>(StringComparer.Ordinal);
        disagreements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var vmi in snapshot.Vmis)
        {
            if (vmi.Budget is not { } annotation)
            {
                continue;
            }

            var name = vmi.Namespace + "/" + annotation.Name;
            var budget = new ApplicationBudget(name, null, annotation.Kind, annotation.Limit)
            {
                Namespace = vmi.Namespace,
                Source = BudgetSource.Annotation,
                AnnotationName = annotation.Name,
            };
            if (!byName.TryGetValue(name, out var known))
            {
                byName[name] = budget;
            }
            else if (known.Kind != budget.Kind || known.Limit != budget.Limit)
            {
                disagreements[name] = "its members' annotations state different limits; the lowest applies";
                if (budget.Limit < known.Limit)
                {
                    byName[name] = budget;
                }
            }
        }

        return [.. byName.Values.OrderBy(b => b.Name, StringComparer.Ordinal)];
    }
}
