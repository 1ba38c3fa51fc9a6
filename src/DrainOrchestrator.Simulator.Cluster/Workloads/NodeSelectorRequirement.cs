namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>One match expression of a node selector term.</summary>
/// <param name="Key">The node label key.</param>
/// <param name="Operator">How the label is compared.</param>
/// <param name="Values">The values for <see cref="NodeSelectorOperator.In"/> and <see cref="NodeSelectorOperator.NotIn"/>.</param>
public sealed record NodeSelectorRequirement(string Key, NodeSelectorOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>Whether a node with <paramref name="labels"/> satisfies this requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            NodeSelectorOperator.In => present && Values.Contains(value, StringComparer.Ordinal),
            NodeSelectorOperator.NotIn => !present || !Values.Contains(value, StringComparer.Ordinal),
            NodeSelectorOperator.Exists => present,
            NodeSelectorOperator.DoesNotExist => !present,
            _ => false,
        };
    }
}
