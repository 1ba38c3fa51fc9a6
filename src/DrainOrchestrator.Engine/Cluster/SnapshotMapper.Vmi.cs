using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>VMIs and the enumerations they carry.</summary>
public static partial class SnapshotMapper
{
    /// <summary>The memory a migration copies: guest memory when set, else the memory request.</summary>
    public static long MemoryOf(VirtualMachineInstance vmi)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        var domain = vmi.Spec?.Domain;
        if (domain?.Memory?.Guest is { } guest)
        {
            return guest.ToInt64();
        }

        return domain?.Resources?.Requests is { } requests && requests.TryGetValue("memory", out var memory) ? memory.ToInt64() : 0;
    }

    private static VmiSnapshot MapVmi(VirtualMachineInstance vmi, Dictionary<string, IReadOnlyDictionary<string, string>> namespaceLabels)
    {
        var meta = vmi.Metadata;
        var live = vmi.Status?.Conditions?.FirstOrDefault(c => c.Type == "LiveMigratable");
        var terms = vmi.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms ?? [];
        var owned = meta.OwnerReferences?.Any(o => o.Kind == "VirtualMachine") ?? false;
        return new VmiSnapshot(
            meta.Namespace ?? "", meta.Name ?? "", meta.Uid ?? "", vmi.Status?.NodeName ?? meta["kubevirt.io/nodeName"] ?? "",
            Labels(meta),
            namespaceLabels.GetValueOrDefault(meta.Namespace ?? "") ?? new Dictionary<string, string>(StringComparer.Ordinal),
            MemoryOf(vmi),
            vmi.Spec?.NodeSelector ?? new Dictionary<string, string>(StringComparer.Ordinal),
            terms.Select(t => new Core.Snapshot.NodeSelectorTerm((t.MatchExpressions ?? [])
                .Select(e => new Core.Snapshot.NodeSelectorRequirement(e.Key ?? "", ParseOperator(e.Operator), e.Values ?? [])).ToList())).ToList(),
            (vmi.Spec?.Tolerations ?? []).Select(t => new Core.Snapshot.Toleration(t.Key ?? "",
                t.Operator == "Exists" ? TolerationOperator.Exists : TolerationOperator.Equal, t.Value ?? "",
                t.Effect is null or "" ? null : ParseEffect(t.Effect))).ToList(),
            live?.Status switch { "True" => true, "False" => false, _ => null },
            live?.Reason,
            ParseEviction(vmi.Spec?.EvictionStrategy),
            owned ? RunStrategy.Always : RunStrategy.None,
            null);
    }

    private static EvictionStrategy ParseEviction(string? value) =>
        Enum.TryParse<EvictionStrategy>(value, ignoreCase: false, out var e) && e != EvictionStrategy.Unset ? e : EvictionStrategy.Unset;

    private static TaintEffect ParseEffect(string? value) =>
        Enum.TryParse<TaintEffect>(value, ignoreCase: false, out var e) ? e : TaintEffect.NoSchedule;

    private static SelectorOperator ParseOperator(string? value) =>
        Enum.TryParse<SelectorOperator>(value, ignoreCase: false, out var o) ? o : SelectorOperator.In;

    /// <summary>A VMIM phase as Core knows it.</summary>
    public static MigrationPhase ParsePhase(string? value) =>
        Enum.TryParse<MigrationPhase>(value, ignoreCase: false, out var p) ? p : MigrationPhase.Unknown;
}
