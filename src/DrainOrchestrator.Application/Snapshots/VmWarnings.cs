using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Engine.Cluster;

namespace DrainOrchestrator.Application.Snapshots;

/// <summary>What the written VMs' wire objects carry that a scenario cannot: each named, never dropped silently.</summary>
internal static class VmWarnings
{
    private static readonly string[] BudgetKeys = [BudgetAnnotation.NameKey, BudgetAnnotation.MaxInFlightKey, BudgetAnnotation.MaxUnavailableKey];

    public static void Add(ClusterState state, IReadOnlyList<SnapshotVm> written, List<string> warnings)
    {
        var keys = written.Select(v => v.Namespace + "/" + v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var vmi in state.Vmis.Where(v => keys.Contains(v.Metadata.Namespace + "/" + v.Metadata.Name)))
        {
            var name = $"vmi {vmi.Metadata.Namespace}/{vmi.Metadata.Name}";
            var affinity = vmi.Spec?.Affinity;
            var terms = affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms ?? [];
            if (terms.Any(t => t.MatchFields is { Count: > 0 }))
            {
                warnings.Add($"{name}: required node affinity matchFields are not expressible; left out");
            }

            if (terms.SelectMany(t => t.MatchExpressions ?? []).Any(e => e.Operator is "Gt" or "Lt"))
            {
                warnings.Add($"{name}: node affinity operators Gt and Lt are not expressible (the engine reads them as In too)");
            }

            if (affinity?.NodeAffinity?.PreferredDuringSchedulingIgnoredDuringExecution is { Count: > 0 })
            {
                warnings.Add($"{name}: preferred node affinity is not expressible; left out");
            }

            if (affinity?.PodAffinity is not null || affinity?.PodAntiAffinity is not null)
            {
                warnings.Add($"{name}: pod affinity and anti-affinity are not expressible; left out");
            }

            if ((vmi.Spec?.Tolerations ?? []).Any(t => t.TolerationSeconds is not null))
            {
                warnings.Add($"{name}: tolerationSeconds is not expressible; the tolerations are written without it");
            }

            if (vmi.Metadata.Annotations?.Keys.Where(k => BudgetKeys.Contains(k, StringComparer.Ordinal)).ToList() is { Count: > 0 } budget)
            {
                warnings.Add($"{name}: the budget annotation(s) {string.Join(", ", budget)} are not expressible (a scenario carries no annotations); the copy has no such budget");
            }
        }

        var running = state.Vmis.Select(v => v.Metadata.Namespace + "/" + v.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        var stopped = state.VirtualMachines.Where(v => !running.Contains(v.Metadata.Namespace + "/" + v.Metadata.Name))
            .Select(v => v.Metadata.Namespace + "/" + v.Metadata.Name).Order(StringComparer.Ordinal).ToList();
        if (stopped.Count > 0)
        {
            warnings.Add($"{stopped.Count} VirtualMachine(s) without a VMI (stopped; a drain does not move them) are left out: {string.Join(", ", stopped.Take(10))}{(stopped.Count > 10 ? ", ..." : "")}");
        }

        var unmapped = state.Vmis.Where(v => v.Status?.Phase is not (null or "Running" or "Scheduled") || string.IsNullOrEmpty(v.Status?.NodeName)).Select(v => v.Metadata.Namespace + "/" + v.Metadata.Name)
            .Order(StringComparer.Ordinal).ToList();
        if (unmapped.Count > 0)
        {
            warnings.Add($"{unmapped.Count} VMI(s) not running on a node (pending, succeeded or failed) are left out: {string.Join(", ", unmapped.Take(10))}{(unmapped.Count > 10 ? ", ..." : "")}");
        }
    }
}
