namespace DrainOrchestrator.Simulator.Api.Selectors;

/// <summary>A parsed label selector: every requirement must hold. The empty selector matches everything.</summary>
public sealed class LabelSelector
{
    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => Requirements = requirements;

    /// <summary>The selector that matches every object.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>The requirements, all of which must hold.</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>Whether the selector matches everything.</summary>
    public bool IsEmpty => Requirements.Count == 0;

    /// <summary>Parses the <c>labelSelector</c> query syntax; throws <see cref="FormatException"/> when malformed.</summary>
    public static LabelSelector Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Everything : new LabelSelector(LabelSelectorParser.Parse(text));

    /// <summary>Whether a label set satisfies every requirement.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }
}
