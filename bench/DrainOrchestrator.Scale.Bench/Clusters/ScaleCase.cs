using System.Globalization;

namespace DrainOrchestrator.Scale.Bench.Clusters;

/// <summary>One cluster size: its nodes, its VMIs, and the share of nodes drained at once.</summary>
internal sealed record ScaleCase(int Nodes, int Vmis, double DrainedFraction = 0.1)
{
    /// <summary>Issue 6's sizes: 1,000 nodes with 20,000 VMIs and 5,000 with 100,000, 10% of the nodes drained.</summary>
    public static IReadOnlyList<ScaleCase> Standard { get; } = [new(1000, 20_000), new(5000, 100_000)];

    /// <summary>The reduced run: the same shape, five times smaller.</summary>
    public static IReadOnlyList<ScaleCase> Quick { get; } = [new(200, 4000), new(1000, 20_000)];

    public int DrainedNodes => Math.Max(1, (int)Math.Round(Nodes * DrainedFraction));

    public string Label => $"{Nodes} nodes / {Vmis} VMIs";

    public string Key => $"{Nodes}x{Vmis}";

    /// <summary>Parses <c>1000x20000,5000x100000</c>.</summary>
    public static bool TryParseList(string text, out IReadOnlyList<ScaleCase> cases)
    {
        var list = new List<ScaleCase>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('x');
            if (pair.Length != 2
                || !int.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out var nodes) || nodes < 10
                || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var vmis) || vmis < 1)
            {
                cases = [];
                return false;
            }

            list.Add(new ScaleCase(nodes, vmis));
        }

        cases = list;
        return list.Count > 0;
    }
}
