using System.Globalization;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>Prints a drain's live progress, one line per change.</summary>
internal sealed class ProgressPrinter(TextWriter output) : IProgress<DrainProgress>
{
    private string _last = string.Empty;

    public void Report(DrainProgress value)
    {
        var line = Line(value);
        if (line != _last)
        {
            _last = line;
            output.WriteLine(line);
        }
    }

    /// <summary>
    /// Every node's counts, then the drain's state: failed attempts (those the drain retries, and those of VMs it gave
    /// up on) are told apart from the VMs given up on.
    /// </summary>
    public static string Line(DrainProgress value) =>
        string.Join("  ", value.Nodes.Select(Node))
        + (value.Paused ? "  [paused]" : string.Empty)
        + (value.EstimatedRemaining is { } eta ? $"  ETA {eta.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)}s" : string.Empty);

    private static string Node(NodeProgress n) =>
        $"{n.Node}: moved {n.Moved}/{n.Total - n.Skipped}, in flight {n.InFlight}, failed attempts {n.FailedAttempts} (retrying {n.Retrying}), given up {n.GivenUp}"
        + (n.Skipped > 0 ? $", skipped {n.Skipped}" : string.Empty);
}
