namespace DrainOrchestrator.Simulator.Api.Selectors;

/// <summary>One requirement of a label selector.</summary>
/// <param name="Key">The label key.</param>
/// <param name="Operator">How the key's value is tested.</param>
/// <param name="Values">The values for <c>=</c>, <c>!=</c>, <c>in</c> and <c>notin</c>.</param>
public sealed record LabelRequirement(string Key, LabelOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>Whether a label set satisfies the requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelOperator.Equals or LabelOperator.In => present && Values.Contains(value!, StringComparer.Ordinal),
            LabelOperator.NotEquals or LabelOperator.NotIn => !present || !Values.Contains(value!, StringComparer.Ordinal),
            LabelOperator.Exists => present,
            LabelOperator.DoesNotExist => !present,
            _ => false,
        };
    }
}
