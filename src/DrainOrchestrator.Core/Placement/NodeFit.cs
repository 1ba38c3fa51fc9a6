using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Placement;

/// <summary>
/// The memory-independent half of kube-scheduler's filters for a target pod: node ready and schedulable, NoSchedule
/// and NoExecute taints tolerated, nodeSelector and required node affinity satisfied.
/// </summary>
public static class NodeFit
{
    /// <summary>Whether <paramref name="node"/> is ready and not cordoned.</summary>
    public static bool IsSchedulable(NodeSnapshot node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Ready && !node.Unschedulable;
    }

    /// <summary>Whether the VMI's constraints (taints, selector, affinity) admit <paramref name="node"/>.</summary>
    public static bool SatisfiesConstraints(NodeSnapshot node, VmiSnapshot vmi)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(vmi);
        return ToleratesTaints(node.Taints, vmi.Tolerations)
            && MatchesSelector(node.Labels, vmi.NodeSelector)
            && MatchesAffinity(node.Labels, vmi.RequiredAffinityTerms);
    }

    /// <summary>Every NoSchedule and NoExecute taint is tolerated; PreferNoSchedule never filters.</summary>
    public static bool ToleratesTaints(IReadOnlyList<Taint> taints, IReadOnlyList<Toleration> tolerations)
    {
        ArgumentNullException.ThrowIfNull(taints);
        ArgumentNullException.ThrowIfNull(tolerations);
        foreach (var taint in taints)
        {
            if (taint.Effect == TaintEffect.PreferNoSchedule)
            {
                continue;
            }

            var tolerated = false;
            foreach (var toleration in tolerations)
            {
                if (toleration.Tolerates(taint))
                {
                    tolerated = true;
                    break;
                }
            }

            if (!tolerated)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every key of the nodeSelector carries exactly its value on the node.</summary>
    public static bool MatchesSelector(IReadOnlyDictionary<string, string> nodeLabels, IReadOnlyDictionary<string, string> selector)
    {
        ArgumentNullException.ThrowIfNull(nodeLabels);
        ArgumentNullException.ThrowIfNull(selector);
        foreach (var (key, value) in selector)
        {
            if (!nodeLabels.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>No terms, or at least one term whose expressions all hold.</summary>
    public static bool MatchesAffinity(IReadOnlyDictionary<string, string> nodeLabels, IReadOnlyList<NodeSelectorTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            return true;
        }

        foreach (var term in terms)
        {
            if (term.Matches(nodeLabels))
            {
                return true;
            }
        }

        return false;
    }
}
