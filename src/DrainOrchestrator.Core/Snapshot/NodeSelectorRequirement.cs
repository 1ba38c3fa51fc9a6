using System.Globalization;

namespace DrainOrchestrator.Core.Snapshot;

/// <summary>One matchExpression of a required node affinity term.</summary>
/// <param name="Key">The node label key.</param>
/// <param name="Operator">How the label is compared.</param>
/// <param name="Values">The values; one integer for Gt and Lt, none for Exists and DoesNotExist.</param>
public sealed record NodeSelectorRequirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>Whether a node with <paramref name="labels"/> satisfies this requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            SelectorOperator.In => present && Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.NotIn => !present || !Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.Exists => present,
            SelectorOperator.DoesNotExist => !present,
            SelectorOperator.Gt => present && CompareInteger(value!) is > 0,
            SelectorOperator.Lt => present && CompareInteger(value!) is < 0,
            _ => false,
        };
    }

    // Null when either side is not an integer: Kubernetes then treats the requirement as not satisfied.
    private int? CompareInteger(string labelValue)
    {
        if (Values.Count != 1
            || !long.TryParse(labelValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
            || !long.TryParse(Values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound))
        {
            return null;
        }

        return actual.CompareTo(bound);
    }
}
