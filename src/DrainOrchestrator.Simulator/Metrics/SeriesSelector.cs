using System.Text;

namespace DrainOrchestrator.Simulator.Metrics;

/// <summary>
/// The one PromQL expression drain-sim's query endpoint evaluates: a metric name with optional label matchers,
/// <c>name{label="value",other!="value"}</c> (equality and inequality; no regular expressions, no functions).
/// </summary>
internal sealed record SeriesSelector(string Metric, IReadOnlyList<(string Label, bool Equal, string Value)> Matchers)
{
    /// <summary>The selector written in <paramref name="query"/>, or null with <paramref name="problem"/> saying why not.</summary>
    public static SeriesSelector? Parse(string? query, out string? problem)
    {
        problem = null;
        var text = (query ?? string.Empty).Trim();
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        var name = (brace < 0 ? text : text[..brace]).Trim();
        if (!IsName(name, metric: true))
        {
            problem = $"drain-sim evaluates a metric name with optional {{label=\"value\"}} matchers only; cannot parse '{text}'";
            return null;
        }

        var matchers = new List<(string, bool, string)>();
        if (brace < 0)
        {
            return new SeriesSelector(name, matchers);
        }

        if (!text.EndsWith('}'))
        {
            problem = $"unclosed label matchers in '{text}'";
            return null;
        }

        var i = brace + 1;
        var end = text.Length - 1;
        while (i < end)
        {
            while (i < end && (text[i] == ' ' || text[i] == ','))
            {
                i++;
            }

            if (i >= end)
            {
                break;
            }

            var start = i;
            while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            var label = text[start..i];
            while (i < end && text[i] == ' ')
            {
                i++;
            }

            bool equal;
            if (i + 1 < end && text[i] == '!' && text[i + 1] == '=')
            {
                (equal, i) = (false, i + 2);
            }
            else if (i < end && text[i] == '=' && (i + 1 >= end || text[i + 1] != '~'))
            {
                (equal, i) = (true, i + 1);
            }
            else
            {
                problem = $"label matcher of '{label}' in '{text}' is neither = nor != (drain-sim evaluates no regular expressions)";
                return null;
            }

            while (i < end && text[i] == ' ')
            {
                i++;
            }

            if (!IsName(label, metric: false) || i >= end || text[i] != '"' || ReadString(text, ref i, end) is not { } value)
            {
                problem = $"cannot parse the label matchers of '{text}': write label=\"value\"";
                return null;
            }

            matchers.Add((label, equal, value));
        }

        return new SeriesSelector(name, matchers);
    }

    /// <summary>Whether a series named <paramref name="metric"/> with <paramref name="labels"/> is selected.</summary>
    public bool Selects(string metric, IReadOnlyDictionary<string, string> labels) =>
        metric == Metric && Matchers.All(m => labels.GetValueOrDefault(m.Label, string.Empty) == m.Value == m.Equal);

    private static bool IsName(string name, bool metric) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || (metric && c == ':'));

    // A double-quoted string with \" and \\ escapes, from text[i] == '"'; i ends past the closing quote.
    private static string? ReadString(string text, ref int i, int end)
    {
        var value = new StringBuilder();
        for (i++; i < end; i++)
        {
            if (text[i] == '\\' && i + 1 < end)
            {
                i++;
                value.Append(text[i] == 'n' ? '\n' : text[i]);
            }
            else if (text[i] == '"')
            {
                i++;
                return value.ToString();
            }
            else
            {
                value.Append(text[i]);
            }
        }

        return null;
    }
}
