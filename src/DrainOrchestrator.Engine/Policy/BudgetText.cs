using System.Globalization;
using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Engine.Policy;

/// <summary>
/// An application budget on the command line: <c>NAME=SELECTOR:max=K</c> (at most K members in flight) or
/// <c>NAME=SELECTOR:unavailable=K</c>, the selector in kubectl's syntax: <c>app=db</c>, <c>tier!=x</c>,
/// <c>tier in (a,b)</c>, <c>tier notin (a,b)</c>, <c>key</c>, <c>!key</c>, joined by commas; empty selects every VM.
/// </summary>
public static class BudgetText
{
    /// <summary>The budget, or null with what is wrong.</summary>
    public static ApplicationBudget? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.LastIndexOf(':');
        if (equals <= 0 || colon < equals)
        {
            problem = $"must read NAME=SELECTOR:max=K or NAME=SELECTOR:unavailable=K, was '{text}'";
            return null;
        }

        var name = text[..equals].Trim();
        var limit = text[(colon + 1)..].Trim();
        var kind = limit.StartsWith("max=", StringComparison.Ordinal) ? BudgetLimitKind.MaxInFlight
            : limit.StartsWith("unavailable=", StringComparison.Ordinal) ? BudgetLimitKind.MaxUnavailable : (BudgetLimitKind?)null;
        if (kind is null || !int.TryParse(limit[(limit.IndexOf('=', StringComparison.Ordinal) + 1)..], NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var k))
        {
            problem = $"must end in :max=K or :unavailable=K with K an integer, was '{text}'";
            return null;
        }

        var selector = Selector(text[(equals + 1)..colon], out problem);
        return selector is null ? null : new ApplicationBudget(name, selector, kind.Value, k);
    }

    private static LabelSelector? Selector(string text, out string? problem)
    {
        problem = null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var expressions = new List<NodeSelectorRequirement>();
        foreach (var raw in Split(text))
        {
            var term = raw.Trim();
            if (term.Length == 0)
            {
                continue;
            }

            var words = term.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 2 && (words[1].StartsWith("in ", StringComparison.Ordinal) || words[1].StartsWith("notin ", StringComparison.Ordinal))
                && words[1].EndsWith(')') && words[1].IndexOf('(', StringComparison.Ordinal) > 0)
            {
                var open = words[1].IndexOf('(', StringComparison.Ordinal);
                var values = words[1][(open + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                expressions.Add(new NodeSelectorRequirement(words[0],
                    words[1].StartsWith("in ", StringComparison.Ordinal) ? SelectorOperator.In : SelectorOperator.NotIn, values));
            }
            else if (term.Contains("!=", StringComparison.Ordinal))
            {
                var parts = term.Split("!=", 2, StringSplitOptions.TrimEntries);
                expressions.Add(new NodeSelectorRequirement(parts[0], SelectorOperator.NotIn, [parts[1]]));
            }
            else if (term.Contains('=', StringComparison.Ordinal))
            {
                var parts = term.Replace("==", "=", StringComparison.Ordinal).Split('=', 2, StringSplitOptions.TrimEntries);
                labels[parts[0]] = parts[1];
            }
            else if (term.StartsWith('!'))
            {
                expressions.Add(new NodeSelectorRequirement(term[1..].Trim(), SelectorOperator.DoesNotExist, []));
            }
            else if (!term.Contains(' ', StringComparison.Ordinal) && !term.Contains('(', StringComparison.Ordinal))
            {
                expressions.Add(new NodeSelectorRequirement(term, SelectorOperator.Exists, []));
            }
            else
            {
                problem = $"selector term '{term}' is not key=value, key!=value, key in (a,b), key notin (a,b), key or !key";
                return null;
            }
        }

        return new LabelSelector(labels, expressions);
    }

    // Commas inside parentheses belong to a set of values.
    private static IEnumerable<string> Split(string text)
    {
        var (depth, start) = (0, 0);
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
