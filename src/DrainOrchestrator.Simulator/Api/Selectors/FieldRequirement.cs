namespace DrainOrchestrator.Simulator.Api.Selectors;

/// <summary>One requirement of a field selector: <c>field=value</c>, <c>field==value</c> or <c>field!=value</c>.</summary>
/// <param name="Field">The dotted field path, e.g. <c>spec.nodeName</c>.</param>
/// <param name="Value">The value compared against.</param>
/// <param name="Negated">Whether the requirement is <c>!=</c>.</param>
public sealed record FieldRequirement(string Field, string Value, bool Negated)
{
    /// <summary>Whether the object's field values satisfy the requirement (a missing field reads as empty).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var actual = fields.GetValueOrDefault(Field, "");
        return string.Equals(actual, Value, StringComparison.Ordinal) != Negated;
    }
}
