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

    /// <summary>
    /// What KubeVirt's VM controller makes of <paramref name="vm"/>'s VMI once it stopped: <c>spec.runStrategy</c>, else
    /// the deprecated <c>spec.running</c> (true is Always, false Halted), else Halted as KubeVirt defaults it.
    /// </summary>
    public static RunStrategy RunStrategyOf(VirtualMachine? vm)
    {
        if (vm is null)
        {
            return RunStrategy.None;
        }

        if (vm.Spec?.RunStrategy is { } value)
        {
            // WaitAsReceiver (a decentralized migration's target) starts nothing by itself: like Manual.
            return Enum.TryParse<RunStrategy>(value, ignoreCase: false, out var parsed) && parsed != RunStrategy.None ? parsed : RunStrategy.Manual;
        }

        return vm.Spec?.Running == true ? RunStrategy.Always : RunStrategy.Halted;
    }

    private static Dictionary<string, VirtualMachine> VmsByKey(IReadOnlyList<VirtualMachine> vms)
    {
        var byKey = new Dictionary<string, VirtualMachine>(StringComparer.Ordinal);
        foreach (var vm in vms)
        {
            byKey[vm.Metadata.Namespace + "/" + vm.Metadata.Name] = vm;
        }

        return byKey;
    }

    // Whether the snapshot has the VMI: running or about to, on a node.
    internal static bool IsMapped(VirtualMachineInstance vmi) => vmi.Status?.Phase is null or "Running" or "Scheduled";

    // The name of the VirtualMachine owning the VMI, or null.
    internal static string? OwnerVmName(VirtualMachineInstance vmi) =>
        vmi.Metadata.OwnerReferences?.FirstOrDefault(o => o.Kind == "VirtualMachine")?.Name;

    internal static VmiSnapshot MapVmi(VirtualMachineInstance vmi, IReadOnlyDictionary<string, string>? namespaceLabels,
        VirtualMachine? vm, List<InvalidHint> invalid)
    {
        var meta = vmi.Metadata;
        var live = vmi.Status?.Conditions?.FirstOrDefault(c => c.Type == "LiveMigratable");
        var terms = vmi.Spec?.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms ?? [];
        var node = vmi.Status?.NodeName ?? meta["kubevirt.io/nodeName"] ?? "";
        return new VmiSnapshot(
            meta.Namespace ?? "", meta.Name ?? "", meta.Uid ?? "", node,
            Labels(meta),
            namespaceLabels ?? new Dictionary<string, string>(StringComparer.Ordinal),
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
            RunStrategyOf(vm),
            DirtyRateOf(vmi, vm, node, invalid))
        {
            Budget = BudgetAnnotationReader.Read(meta.Annotations),
            WorkingSetBytes = WorkingSetOf(vmi, node, invalid),
        };
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
