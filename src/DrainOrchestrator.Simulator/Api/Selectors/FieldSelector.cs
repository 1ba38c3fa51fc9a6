namespace DrainOrchestrator.Simulator.Api.Selectors;

/// <summary>A parsed field selector: every requirement must hold. The empty selector matches everything.</summary>
public sealed class FieldSelector
{
    private FieldSelector(IReadOnlyList<FieldRequirement> requirements) => Requirements = requirements;

    /// <summary>The selector that matches every object.</summary>
    public static FieldSelector Everything { get; } = new([]);

    /// <summary>The requirements, all of which must hold.</summary>
    public IReadOnlyList<FieldRequirement> Requirements { get; }

    /// <summary>Parses the <c>fieldSelector</c> query syntax; throws <see cref="FormatException"/> when malformed.</summary>
    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<FieldRequirement>();
        foreach (var part in text.Split(','))
        {
            requirements.Add(ParseRequirement(part.Trim()));
        }

        return new FieldSelector(requirements);
    }

    /// <summary>Whether the object's field values satisfy every requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> fields)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(fields))
            {
                return false;
            }
        }

        return true;
    }

    private static FieldRequirement ParseRequirement(string part)
    {
        foreach (var (op, negated) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return new FieldRequirement(part[..at], part[(at + op.Length)..], negated);
            }
        }

        throw new FormatException($"invalid selector: '{part}'; can't understand '{part}'");
    }
}
