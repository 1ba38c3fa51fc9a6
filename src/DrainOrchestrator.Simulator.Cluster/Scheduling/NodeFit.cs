namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>kube-scheduler's filters for a virt-launcher pod, as far as the model needs them.</summary>
internal static class NodeFit
{
    /// <summary>
    /// The pod's nodeSelector: the VMIM's addedNodeSelector with the VM's own nodeSelector applied over it, so on a key
    /// clash the VM's value wins and the VMIM can only narrow the choice.
    /// </summary>
    public static IReadOnlyDictionary<string, string> MergeSelectors(
        IReadOnlyDictionary<string, string> vmSelector,
        IReadOnlyDictionary<string, string> addedSelector)
    {
        if (addedSelector.Count == 0)
        {
            return vmSelector;
        }

        var merged = new Dictionary<string, string>(addedSelector, StringComparer.Ordinal);
        foreach (var (key, value) in vmSelector)
        {
            merged[key] = value;
        }

        return merged;
    }

    public static bool Fits(NodeState node, VmState vm, IReadOnlyDictionary<string, string> selector, NodeState? exclude)
    {
        if (ReferenceEquals(node, exclude) || !node.Ready || node.Unschedulable)
        {
            return false;
        }

        if (node.MemoryBytes - node.AllocatedMemoryBytes < vm.MemoryBytes)
        {
            return false;
        }

        foreach (var (key, value) in selector)
        {
            if (!node.Labels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return ToleratesTaints(node, vm) && MatchesAffinity(node, vm);
    }

    private static bool ToleratesTaints(NodeState node, VmState vm)
    {
        foreach (var taint in node.Taints)
        {
            if (taint.Effect != TaintEffect.PreferNoSchedule && !vm.Tolerations.Any(t => t.Tolerates(taint)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesAffinity(NodeState node, VmState vm) =>
        vm.RequiredNodeAffinity.Count == 0 || vm.RequiredNodeAffinity.Any(term => term.Matches(node.Labels));
}
