using System.Globalization;
using System.Text.RegularExpressions;

namespace DrainOrchestrator.Scheduling.Bench.Suite;

/// <summary>Expands node ranges such as <c>node-{0000..0009}</c> (the width of the first bound is kept).</summary>
internal static partial class NodePattern
{
    public static IEnumerable<string> Expand(string pattern)
    {
        var match = Range().Match(pattern);
        if (!match.Success)
        {
            yield return pattern;
            yield break;
        }

        var from = match.Groups["from"].Value;
        var first = int.Parse(from, CultureInfo.InvariantCulture);
        var last = int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture);
        var width = from.Length > 1 && from[0] == '0' ? from.Length : 1;
        for (var i = first; i <= last; i++)
        {
            var number = i.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            yield return pattern[..match.Index] + number + pattern[(match.Index + match.Length)..];
        }
    }

    [GeneratedRegex(@"\{(?<from>\d+)\.\.(?<to>\d+)\}")]
    private static partial Regex Range();
}
