using System.Globalization;
using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Kubernetes.Models;
using CoreSelector = DrainOrchestrator.Core.Budgets.LabelSelector;
using NodeSelectorRequirement = DrainOrchestrator.Core.Snapshot.NodeSelectorRequirement;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// Turns PodDisruptionBudgets (policy/v1) into application budgets (<see cref="BudgetSource.PodDisruptionBudget"/>),
/// named <c>pdb:NAMESPACE/NAME</c>. Members are the VMIs of the PDB's namespace its selector matches: a virt-launcher
/// pod carries its VMI's labels, so the VMI's labels stand for the pod's (a selector on labels only the pod has, such as
/// <c>kubevirt.io: virt-launcher</c>, matches no VM here). <c>maxUnavailable</c> becomes the limit;
/// <c>minAvailable</c> becomes members minus it; a percentage is of the members, rounded up, as Kubernetes rounds it.
/// Left out, as Kubernetes would let every disruption through or as they are not an application's: a PDB without a
/// selector or a limit, with a limit that is not a number or a percentage, and KubeVirt's own per-VMI
/// <c>kubevirt-disruption-budget-*</c> PDBs (owned by a VMI or VM): they exist to make eviction of a live-migratable
/// VM's pod fail so that KubeVirt migrates it instead; read as budgets they would forbid the very migration they ask for.
/// </summary>
internal static class DisruptionBudgetReader
{
    /// <summary>The name prefix of KubeVirt's own per-VMI PDBs.</summary>
    public const string KubeVirtPrefix = "kubevirt-disruption-budget-";

    /// <summary>The budgets <paramref name="pdbs"/> state over <paramref name="vmis"/>, ordered by name.</summary>
    public static IReadOnlyList<ApplicationBudget> Read(IReadOnlyList<PodDisruptionBudget> pdbs, IReadOnlyList<VmiSnapshot> vmis)
    {
        ArgumentNullException.ThrowIfNull(pdbs);
        ArgumentNullException.ThrowIfNull(vmis);
        if (pdbs.Count == 0)
        {
            return [];
        }

        ILookup<string, VmiSnapshot>? byNamespace = null;
        var budgets = new List<ApplicationBudget>();
        foreach (var pdb in pdbs)
        {
            if (IsKubeVirts(pdb) || Selector(pdb.Spec.Selector) is not { } selector)
            {
                continue;
            }

            var ns = pdb.Metadata.Namespace ?? "";
            var members = new Lazy<int>(() =>
            {
                byNamespace ??= vmis.ToLookup(v => v.Namespace, StringComparer.Ordinal);
                return byNamespace[ns].Count(v => selector.Matches(v.Labels));
            });
            if (Limit(pdb.Spec, members) is { } limit)
            {
                budgets.Add(new ApplicationBudget($"pdb:{ns}/{pdb.Metadata.Name}", selector, BudgetLimitKind.MaxUnavailable, limit)
                {
                    Namespace = ns,
                    Source = BudgetSource.PodDisruptionBudget,
                });
            }
        }

        return [.. budgets.OrderBy(b => b.Name, StringComparer.Ordinal)];
    }

    /// <summary>Whether the PDBs' limits depend on how many VMIs they cover (a percentage or minAvailable).</summary>
    public static bool CountsMembers(IReadOnlyList<PodDisruptionBudget> pdbs) =>
        pdbs.Any(p => !IsKubeVirts(p) && (p.Spec.MaxUnavailable is null || p.Spec.MaxUnavailable.Number is null));

    /// <summary>Whether <paramref name="pdb"/> is one of KubeVirt's per-VMI PDBs.</summary>
    public static bool IsKubeVirts(PodDisruptionBudget pdb) =>
        (pdb.Metadata.Name ?? "").StartsWith(KubeVirtPrefix, StringComparison.Ordinal)
        || (pdb.Metadata.OwnerReferences ?? []).Any(o => (o.ApiVersion ?? "").StartsWith("kubevirt.io/", StringComparison.Ordinal)
            && o.Kind is "VirtualMachineInstance" or "VirtualMachine");

    private static int? Limit(PodDisruptionBudgetSpec spec, Lazy<int> members)
    {
        if (spec.MaxUnavailable is { } max)
        {
            return Scaled(max, members);
        }

        return spec.MinAvailable is { } min && Scaled(min, members) is { } available ? Math.Max(0, members.Value - available) : null;
    }

    // A number as it is, a percentage of the members rounded up; null for anything else.
    private static int? Scaled(IntOrString value, Lazy<int> members)
    {
        if (value.Number is { } number)
        {
            return number >= 0 ? number : null;
        }

        var text = value.Text ?? "";
        return text.EndsWith('%') && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent)
            ? (int)(((long)percent * members.Value + 99) / 100)
            : null;
    }

    // Null for a missing selector (a policy/v1 PDB without one covers no pod) or one with an unknown operator.
    private static CoreSelector? Selector(Kubernetes.Models.LabelSelector? selector)
    {
        if (selector is null)
        {
            return null;
        }

        var expressions = new List<NodeSelectorRequirement>();
        foreach (var e in selector.MatchExpressions ?? [])
        {
            if (!Enum.TryParse<SelectorOperator>(e.Operator, ignoreCase: false, out var op)
                || op is not (SelectorOperator.In or SelectorOperator.NotIn or SelectorOperator.Exists or SelectorOperator.DoesNotExist))
            {
                return null;
            }

            expressions.Add(new NodeSelectorRequirement(e.Key ?? "", op, e.Values ?? []));
        }

        return new CoreSelector(new Dictionary<string, string>(selector.MatchLabels ?? [], StringComparer.Ordinal), expressions);
    }
}
