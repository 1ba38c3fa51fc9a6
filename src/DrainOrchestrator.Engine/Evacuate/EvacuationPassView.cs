using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Evacuations;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>
/// What one pass of an evacuation reads, and no more. Following moves needs only this evacuation's VMIMs: one list per
/// side by its label (one in all when both sides are one cluster), however many VMs move. Starting a VM needs the
/// clusters' limits and every unfinished VMIM (foreign ones hold slots): those are read only while a VM waits to start
/// and the evacuation's own moves leave room for another pair, and then the cluster-wide lists also give this
/// evacuation's VMIMs. The source node of a foreign sender is read by one get of its VMI, not by listing every VMI.
/// </summary>
internal sealed class EvacuationPassView
{
    private const string SourceSide = "source";
    private const string TargetSide = "target";

    private readonly Dictionary<(string Side, string Name), VirtualMachineInstanceMigration> _ours;

    private EvacuationPassView(Dictionary<(string Side, string Name), VirtualMachineInstanceMigration> ours) => _ours = ours;

    /// <summary>A view with nothing in it (before the first pass).</summary>
    public static EvacuationPassView Empty { get; } = new([]);

    /// <summary>This evacuation's VMIM <paramref name="name"/> on <paramref name="side"/> (<c>source</c> or <c>target</c>) as listed; null when the list did not show it.</summary>
    public VirtualMachineInstanceMigration? Find(string side, string name) => _ours.GetValueOrDefault((side, name));

    /// <summary>
    /// Reads a pass: this evacuation's VMIMs and, when <paramref name="wantsToStart"/> and the limits leave room for one more
    /// pair beside <paramref name="moving"/>, the slots (null otherwise: nothing starts this pass).
    /// </summary>
    public static async Task<(EvacuationPassView View, EvacuationSlots? Slots)> ReadAsync(EvacuationSides sides, EvacuationRecord evacuation,
        IReadOnlyList<EvacuationVmRecord> moving, bool wantsToStart, CancellationToken cancellationToken)
    {
        if (wantsToStart)
        {
            var sourceKubeVirt = await sides.Source.KubeVirtAsync(cancellationToken);
            var targetKubeVirt = sides.SameCluster ? sourceKubeVirt : await sides.Target.KubeVirtAsync(cancellationToken);
            if (EvacuationSlots.RoomForAnother(sides.SameCluster, sourceKubeVirt, targetKubeVirt, moving.Count))
            {
                var sourceVmims = (await sides.Source.ListAllAsync<VirtualMachineInstanceMigration>(null, null, cancellationToken)).Items;
                var targetVmims = sides.SameCluster ? sourceVmims
                    : (await sides.Target.ListAllAsync<VirtualMachineInstanceMigration>(null, null, cancellationToken)).Items;
                var nodes = await ForeignSenderNodesAsync(sides.Source, evacuation.Id, sourceVmims, cancellationToken);
                var slots = EvacuationSlots.Of(sides, evacuation.Id, sourceKubeVirt, targetKubeVirt, sourceVmims,
                    sides.SameCluster ? [] : targetVmims, nodes, moving.Select(v => v.SourceNode));
                return (Of(evacuation, sourceVmims, targetVmims), slots);
            }
        }

        var label = new ListOptions { LabelSelector = $"{EvacuationNames.Label}={evacuation.Id:D}", Limit = 500 };
        if (sides.SameCluster)
        {
            var both = (await sides.Source.ListAllAsync<VirtualMachineInstanceMigration>(null, label, cancellationToken)).Items;
            return (Of(evacuation, both, both), null);
        }

        var sending = (await sides.Source.ListAllAsync<VirtualMachineInstanceMigration>(evacuation.SourceNamespace, label, cancellationToken)).Items;
        var receiving = (await sides.Target.ListAllAsync<VirtualMachineInstanceMigration>(evacuation.TargetNamespace, label, cancellationToken)).Items;
        return (Of(evacuation, sending, receiving), null);
    }

    private static EvacuationPassView Of(EvacuationRecord evacuation, IEnumerable<VirtualMachineInstanceMigration> source,
        IEnumerable<VirtualMachineInstanceMigration> target)
    {
        var ours = evacuation.Id.ToString("D");
        var found = new Dictionary<(string, string), VirtualMachineInstanceMigration>();
        foreach (var (side, ns, items) in new[] { (SourceSide, evacuation.SourceNamespace, source), (TargetSide, evacuation.TargetNamespace, target) })
        {
            foreach (var m in items.Where(m => m.Metadata.Namespace == ns && m.Metadata[EvacuationNames.Label] == ours))
            {
                found[(side, m.Metadata.Name!)] = m;
            }
        }

        return new EvacuationPassView(found);
    }

    // The node of each unfinished foreign sender's VMI: at most the cluster limit of them, so one get each.
    private static async Task<Dictionary<(string, string), string>> ForeignSenderNodesAsync(KubernetesClient source, Guid evacuation,
        IReadOnlyList<VirtualMachineInstanceMigration> vmims, CancellationToken cancellationToken)
    {
        var ours = evacuation.ToString("D");
        var nodes = new Dictionary<(string, string), string>();
        foreach (var m in vmims.Where(m => m.Metadata[EvacuationNames.Label] != ours && m.Status?.Phase is not ("Succeeded" or "Failed")
            && m.Spec.Receive is null && m.Spec.VmiName is not null))
        {
            var key = (m.Metadata.Namespace!, m.Spec.VmiName!);
            if (nodes.ContainsKey(key))
            {
                continue;
            }

            try
            {
                if ((await source.GetAsync<VirtualMachineInstance>(key.Item1, key.Item2, cancellationToken)).Status?.NodeName is { } node)
                {
                    nodes[key] = node;
                }
            }
            catch (KubernetesApiException ex) when (ex.IsNotFound)
            {
                // The VMI is gone: its VMIM ends in a moment and holds no node's slot.
            }
        }

        return nodes;
    }
}
