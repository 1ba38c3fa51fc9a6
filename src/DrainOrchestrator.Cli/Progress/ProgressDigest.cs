using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Cli.Progress;

/// <summary>
/// What a progress display shows of a drain's nodes: every node when they fit in <c>rows</c>; beyond that, the totals
/// with the busiest nodes (the most migrations in flight, up to half the rows) and the slowest in the rows left (the
/// smallest share moved of those with VMs left), so that a 200-node drain stays one screen.
/// </summary>
/// <param name="Totals">The sum over every node.</param>
/// <param name="All">Every node, in the order the engine reported them, when they fit; otherwise empty.</param>
/// <param name="Busiest">When they do not fit: the nodes with the most in flight.</param>
/// <param name="Slowest">When they do not fit: the nodes furthest behind, none of them among the busiest.</param>
/// <param name="Hidden">How many nodes are not shown.</param>
internal sealed record ProgressDigest(
    NodeProgress Totals, IReadOnlyList<NodeProgress> All, IReadOnlyList<NodeProgress> Busiest, IReadOnlyList<NodeProgress> Slowest, int Hidden)
{
    /// <summary>The name the totals row carries.</summary>
    public const string TotalsName = "all";

    /// <summary>The digest of <paramref name="nodes"/> for a display of at most <paramref name="rows"/> node rows.</summary>
    public static ProgressDigest Of(IReadOnlyList<NodeProgress> nodes, int rows)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var totals = Sum(nodes);
        if (nodes.Count <= Math.Max(rows, 1))
        {
            return new ProgressDigest(totals, nodes, [], [], 0);
        }

        var busiest = nodes.Where(n => n.InFlight > 0)
            .OrderByDescending(n => n.InFlight).ThenByDescending(n => n.Remaining).ThenBy(n => n.Node, StringComparer.Ordinal)
            .Take(Math.Max(1, (rows - 1) / 2)).ToList();
        var shown = busiest.Select(n => n.Node).ToHashSet(StringComparer.Ordinal);
        var slowest = nodes.Where(n => n.Remaining > 0 && !shown.Contains(n.Node))
            .OrderBy(Done).ThenByDescending(n => n.Remaining).ThenBy(n => n.Node, StringComparer.Ordinal)
            .Take(Math.Max(1, rows - 1 - busiest.Count)).ToList();
        return new ProgressDigest(totals, [], busiest, slowest, nodes.Count - busiest.Count - slowest.Count);
    }

    /// <summary>The share of a node's movable VMs that moved, 0 to 1 (1 for a node with nothing to move).</summary>
    public static double Done(NodeProgress node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var movable = node.Total - node.Skipped;
        return movable <= 0 ? 1 : (double)node.Moved / movable;
    }

    private static NodeProgress Sum(IReadOnlyList<NodeProgress> nodes) =>
        new(TotalsName, nodes.Sum(n => n.Total), nodes.Sum(n => n.Moved), nodes.Sum(n => n.Remaining), nodes.Sum(n => n.InFlight),
            nodes.Sum(n => n.FailedAttempts), nodes.Sum(n => n.Retrying), nodes.Sum(n => n.GivenUp), nodes.Sum(n => n.Skipped));
}
