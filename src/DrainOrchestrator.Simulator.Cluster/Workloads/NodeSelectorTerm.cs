namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A required node affinity term: every expression must match (terms themselves are ORed).</summary>
/// <param name="MatchExpressions">The expressions, all of which must hold.</param>
public sealed record NodeSelectorTerm(IReadOnlyList<NodeSelectorRequirement> MatchExpressions)
{
    /// <summary>Whether a node with <paramref name="labels"/> satisfies every expression.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) => MatchExpressions.All(e => e.Matches(labels));
}
