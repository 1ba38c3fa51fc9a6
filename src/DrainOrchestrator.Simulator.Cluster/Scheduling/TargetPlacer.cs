namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// Places a virt-launcher pod as kube-scheduler would: filter (<see cref="NodeFit"/>), then score by least allocated
/// memory after placement (0-100, integer like the scheduler's), ties broken by the seeded random source.
/// </summary>
internal sealed class TargetPlacer(ClusterState state, Random random)
{
    public NodeState? Place(VmState vm, IReadOnlyDictionary<string, string> addedNodeSelector, NodeState? exclude)
    {
        var selector = NodeFit.MergeSelectors(vm.NodeSelector, addedNodeSelector);
        NodeState? best = null;
        var bestScore = -1;
        var ties = 0;
        foreach (var node in state.NodeList)
        {
            if (!NodeFit.Fits(node, vm, selector, exclude))
            {
                continue;
            }

            var score = Score(node, vm);
            if (score > bestScore)
            {
                (best, bestScore, ties) = (node, score, 1);
            }
            else if (score == bestScore && random.Next(++ties) == 0)
            {
                best = node;
            }
        }

        return best;
    }

    private static int Score(NodeState node, VmState vm)
    {
        if (node.MemoryBytes <= 0)
        {
            return 0;
        }

        var freeAfter = node.MemoryBytes - node.AllocatedMemoryBytes - vm.MemoryBytes;
        return (int)(freeAfter * 100 / node.MemoryBytes);
    }
}
