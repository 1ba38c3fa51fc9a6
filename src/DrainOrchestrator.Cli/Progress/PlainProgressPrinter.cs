using System.Globalization;
using System.Text;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Cli.Progress;

/// <summary>
/// Prints a drain's progress as plain lines, for logs and scripts: one line when a count or the pause changes (a new
/// estimate alone prints nothing). One node is told in full; up to <see cref="MaxNodes"/> nodes as the totals followed by
/// each node in short; beyond that, the totals with the busiest and the slowest nodes.
/// </summary>
internal sealed class PlainProgressPrinter(TextWriter output) : IProgress<DrainProgress>
{
    /// <summary>The most nodes one line names one by one.</summary>
    public const int MaxNodes = 8;

    private string _last = string.Empty;

    public void Report(DrainProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var counts = Counts(value);
        if (counts != _last)
        {
            _last = counts;
            output.WriteLine(counts + Eta(value));
        }
    }

    /// <summary>The whole line: the counts, then the estimate.</summary>
    public static string Line(DrainProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Counts(value) + Eta(value);
    }

    private static string Counts(DrainProgress value)
    {
        var line = new StringBuilder();
        if (value.Nodes.Count == 1)
        {
            line.Append(value.Nodes[0].Node).Append(": ").Append(Full(value.Nodes[0]));
        }
        else
        {
            var digest = ProgressDigest.Of(value.Nodes, MaxNodes);
            line.Append(ProgressDigest.TotalsName).Append(": ").Append(Full(digest.Totals));
            if (digest.All.Count > 0)
            {
                line.Append("  |  ").AppendJoin(", ", digest.All.Select(Short));
            }
            else
            {
                if (digest.Busiest.Count > 0)
                {
                    line.Append("  |  busiest ").AppendJoin(", ", digest.Busiest.Select(Short));
                }

                if (digest.Slowest.Count > 0)
                {
                    line.Append("  |  slowest ").AppendJoin(", ", digest.Slowest.Select(Short));
                }

                line.Append(CultureInfo.InvariantCulture, $"  |  {digest.Hidden} more nodes");
            }
        }

        return line.Append(value.Paused ? "  [paused]" : string.Empty).ToString();
    }

    private static string Eta(DrainProgress value) =>
        value.EstimatedRemaining is { } eta ? $"  ETA {eta.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s" : string.Empty;

    /// <summary>
    /// Failed attempts (those the drain retries, and those of VMs it gave up on) are told apart from the VMs given up on.
    /// </summary>
    private static string Full(NodeProgress n) =>
        $"moved {n.Moved}/{n.Total - n.Skipped}, in flight {n.InFlight}, failed attempts {n.FailedAttempts} (retrying {n.Retrying}), given up {n.GivenUp}"
        + (n.Skipped > 0 ? $", skipped {n.Skipped}" : string.Empty);

    private static string Short(NodeProgress n)
    {
        var parts = new List<string>(4);
        Add(parts, n.InFlight, "in flight");
        Add(parts, n.FailedAttempts, "failed");
        Add(parts, n.GivenUp, "given up");
        Add(parts, n.Skipped, "skipped");
        return $"{n.Node} {n.Moved}/{n.Total - n.Skipped}" + (parts.Count > 0 ? $" ({string.Join(", ", parts)})" : string.Empty);
    }

    private static void Add(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{count} {what}");
        }
    }
}
