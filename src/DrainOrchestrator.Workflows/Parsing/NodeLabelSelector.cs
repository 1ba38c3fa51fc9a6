using System.Text.RegularExpressions;

namespace DrainOrchestrator.Workflows.Parsing;

/// <summary>
/// The label selector a <c>selectNodes</c> step takes: comma-separated terms <c>key</c> (the label exists),
/// <c>key=value</c> and <c>key!=value</c>, as kubectl's <c>-l</c> writes them, each key a Kubernetes label key
/// (an optional DNS prefix and '/', then a name of at most 63 characters) and each value a label value.
/// </summary>
public static partial class NodeLabelSelector
{
    /// <summary>One term: the label's key and the value it must have (or, <paramref name="Negated"/>, must not); a null value asks only that the label exist.</summary>
    public readonly record struct Term(string Key, string? Value, bool Negated);

    /// <summary>The terms of <paramref name="selector"/> (one <see cref="Problems"/> accepts), in order; none for no selector.</summary>
    public static IReadOnlyList<Term> Terms(string? selector) =>
        string.IsNullOrWhiteSpace(selector) ? []
            : [.. selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TermOf)];

    /// <summary>Why <paramref name="selector"/> is not such a selector, one problem per bad term; empty when it is.</summary>
    public static IReadOnlyList<string> Problems(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var problems = new List<string>();
        foreach (var term in selector.Split(',', StringSplitOptions.TrimEntries))
        {
            var (key, value, _) = TermOf(term);
            if (term.Length == 0)
            {
                problems.Add($"'{selector}' has an empty term (two commas, or one at an end)");
            }
            else if (term.Contains(" in ", StringComparison.Ordinal) || term.Contains(" notin ", StringComparison.Ordinal) || term.Contains('('))
            {
                problems.Add($"'{term}' is a set-based term, which selectNodes does not take: write key=value, key!=value or key terms");
            }
            else if (!LabelKey().IsMatch(key) || (value is not null && !LabelValue().IsMatch(value)))
            {
                problems.Add($"'{term}' is not a label term: write key, key=value or key!=value with no spaces around = or !=, keys and "
                    + "values of letters, digits, '-', '_' and '.' (a key may have a DNS prefix and '/'), as kubectl -l takes them");
            }
        }

        return problems;
    }

    // key!=value, key=value or key: the one reading of a term, for the check and for the match.
    private static Term TermOf(string term) =>
        term.Split("!=", 2) is [var k, var v] ? new(k, v, true) : term.Split('=', 2) is [var k2, var v2] ? new(k2, v2, false) : new(term, null, false);

    [GeneratedRegex("^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex LabelKey();

    [GeneratedRegex("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$")]
    private static partial Regex LabelValue();
}
