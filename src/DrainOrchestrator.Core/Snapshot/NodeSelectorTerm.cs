namespace DrainOrchestrator.Core.Snapshot;

/// <summary>
/// One term of requiredDuringSchedulingIgnoredDuringExecution: every expression must hold. Terms are alternatives; a
/// term without expressions matches no node, as in Kubernetes.
/// </summary>
/// <param name="MatchExpressions">The requirements, all of which must hold.</param>
public sealed record NodeSelectorTerm(IReadOnlyList<NodeSelectorRequirement> MatchExpressions)
{
    /// <summary>Whether a node with <paramref name="labels"/> satisfies every expression of this term.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        if (MatchExpressions.Count == 0)
        {
            return false;
        }

        foreach (var requirement in MatchExpressions)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }
}
