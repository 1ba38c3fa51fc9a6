using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>
/// The cluster limits as one pass sees them, on both sides. Every unfinished VMIM that is not this evacuation's (a
/// drain's, KubeVirt's own, another evacuation's) holds a slot, Pending included, as drains count foreign VMIMs; this
/// evacuation's moving VMs hold one slot on each side (two in one cluster: kubevirt #15767) and one outbound slot of
/// their source node. A drain counts this evacuation's VMIMs as foreign in turn, so both keep to one budget.
/// </summary>
internal sealed class EvacuationSlots
{
    private readonly int _sourceLimit;
    private readonly int _targetLimit;
    private readonly int _perNode;
    private readonly bool _sameCluster;
    private int _sourceUsed;
    private int _targetUsed;
    private readonly Dictionary<string, int> _byNode;

    private EvacuationSlots(int sourceLimit, int targetLimit, int perNode, bool sameCluster, int sourceUsed, int targetUsed,
        Dictionary<string, int> byNode)
    {
        (_sourceLimit, _targetLimit, _perNode, _sameCluster, _sourceUsed, _targetUsed, _byNode) =
            (sourceLimit, targetLimit, perNode, sameCluster, sourceUsed, targetUsed, byNode);
    }

    public static EvacuationSlots Of(EvacuationSides sides, Guid evacuation, KubeVirt? sourceKubeVirt, KubeVirt? targetKubeVirt,
        IReadOnlyList<VirtualMachineInstanceMigration> sourceVmims, IReadOnlyList<VirtualMachineInstanceMigration> targetVmims,
        IReadOnlyDictionary<(string, string), string> sourceVmiNodes, IEnumerable<string?> movingSourceNodes)
    {
        var ours = evacuation.ToString("D");
        bool Foreign(VirtualMachineInstanceMigration m) =>
            m.Metadata[EvacuationNames.Label] != ours && m.Status?.Phase is not ("Succeeded" or "Failed");
        var sourceForeign = sourceVmims.Where(Foreign).ToList();
        var byNode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in sourceForeign)
        {
            if (m.Spec.VmiName is { } vmi && m.Spec.Receive is null && sourceVmiNodes.TryGetValue((m.Metadata.Namespace!, vmi), out var node))
            {
                byNode[node] = byNode.GetValueOrDefault(node) + 1;
            }
        }

        var moving = 0;
        foreach (var node in movingSourceNodes)
        {
            moving++;
            if (node is not null)
            {
                byNode[node] = byNode.GetValueOrDefault(node) + 1;
            }
        }

        var sourceLimit = Limit(sourceKubeVirt);
        var sameCluster = sides.SameCluster;
        var targetForeign = sameCluster ? 0 : targetVmims.Count(Foreign);
        var perNode = Math.Max(1, sourceKubeVirt?.Spec.Configuration?.Migrations?.ParallelOutboundMigrationsPerNode ?? 2);
        return new EvacuationSlots(sourceLimit, sameCluster ? sourceLimit : Limit(targetKubeVirt), perNode, sameCluster,
            sourceForeign.Count + (sameCluster ? 2 * moving : moving), targetForeign + (sameCluster ? 0 : moving), byNode);
    }

    /// <summary>
    /// Whether the evacuation's own <paramref name="moving"/> pairs leave room for one more under the limits (foreign
    /// VMIMs not counted): when they do not, a pass need not list the clusters' VMIMs to know nothing starts.
    /// </summary>
    public static bool RoomForAnother(bool sameCluster, KubeVirt? sourceKubeVirt, KubeVirt? targetKubeVirt, int moving) =>
        sameCluster
            ? 2 * (moving + 1) <= Limit(sourceKubeVirt)
            : moving + 1 <= Limit(sourceKubeVirt) && moving + 1 <= Limit(targetKubeVirt);

    /// <summary>Takes the slots of one more pair from <paramref name="sourceNode"/> when they are free; false otherwise.</summary>
    public bool TryTake(string? sourceNode)
    {
        var nodeUsed = sourceNode is null ? 0 : _byNode.GetValueOrDefault(sourceNode);
        if (nodeUsed >= _perNode)
        {
            return false;
        }

        if (_sameCluster ? _sourceUsed + 2 > _sourceLimit : _sourceUsed + 1 > _sourceLimit || _targetUsed + 1 > _targetLimit)
        {
            return false;
        }

        _sourceUsed += _sameCluster ? 2 : 1;
        _targetUsed += _sameCluster ? 0 : 1;
        if (sourceNode is not null)
        {
            _byNode[sourceNode] = nodeUsed + 1;
        }

        return true;
    }

    private static int Limit(KubeVirt? kubeVirt) => Math.Max(1, kubeVirt?.Spec.Configuration?.Migrations?.ParallelMigrationsPerCluster ?? 5);
}
