using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>Per-node counts, recorded on drain_nodes and reported as live progress.</summary>
internal sealed partial class MigrationLoop
{
    private IReadOnlyList<NodeProgress> _lastCounts = [];
    private bool _lastPaused;
    private Dictionary<string, List<PlannedVmi>>? _itemsByNode;
    private HashSet<string>? _drainedNodes;

    private readonly Dictionary<string, NodeCounts> _writtenCounts = new(StringComparer.Ordinal);

    // Into the pass's writes whenever the counts or the pause change: the live progress a client of the API follows (its
    // events) is exactly the progress drainctl prints in this process. drain_nodes gets the nodes whose counts changed.
    private void Report(ClusterState cluster, IReadOnlyList<AttemptRecord> records, int clusterInFlight, bool paused)
    {
        var counts = Count(cluster, records);
        if (counts.SequenceEqual(_lastCounts) && paused == _lastPaused)
        {
            return;
        }

        var drained = _drainedNodes ??= context.Nodes.ToHashSet(StringComparer.Ordinal);
        var succeeded = records.Where(r => r.Outcome == AttemptOutcome.Succeeded).Select(r => r.VmiUid).ToHashSet(StringComparer.Ordinal);
        var remaining = plan.Items.Where(i => i.Disposition == PlanDisposition.Migrate && !succeeded.Contains(i.Vmi.Uid)
            && cluster.FindVmi(i.Vmi.Uid) is { } v && drained.Contains(v.Status?.NodeName ?? "") && !_givenUp.Contains(i.Vmi.Uid));
        var seconds = Math.Round(remaining.Sum(i => i.Estimate.Duration.TotalSeconds) / Math.Max(1, context.Policy.MaxParallelMigrations),
            MidpointRounding.AwayFromZero);
        var rows = counts.Select(n => new NodeCounts(n.Node, n.Total, n.Moved, n.Skipped, n.GivenUp))
            .Where(c => !_writtenCounts.TryGetValue(c.Node, out var written) || written != c).ToList();
        // Lazy unless the pause changed: an operator's pause or resume is acknowledged by the pass that sees it.
        Writes.Progress(new ProgressReported(counts, paused, seconds), rows, lazy: paused == _lastPaused, () =>
        {
            foreach (var row in rows)
            {
                _writtenCounts[row.Node] = row;
            }

            (_lastCounts, _lastPaused) = (counts, paused);

            context.Progress?.Report(new DrainProgress(Workflow.DrainSteps.Migrate, paused, counts, clusterInFlight,
                TimeSpan.FromSeconds(seconds)));
        });
    }

    private List<NodeProgress> Count(ClusterState cluster, IReadOnlyList<AttemptRecord> records)
    {
        var inFlight = records.Where(r => !r.IsFinal).Select(r => r.VmiUid).ToHashSet(StringComparer.Ordinal);
        var failures = new AttemptFailures(records);
        var succeededFrom = records.Where(r => r.Outcome == AttemptOutcome.Succeeded)
            .GroupBy(r => r.SourceNode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _itemsByNode ??= plan.Items.GroupBy(i => i.Vmi.NodeName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new List<NodeProgress>();
        foreach (var node in context.Nodes)
        {
            var items = _itemsByNode.GetValueOrDefault(node) ?? [];
            var migrating = items.Where(i => i.Disposition is PlanDisposition.Migrate or PlanDisposition.Restart).ToList();
            // A VM being restarted has lost its old VMI before it runs again: it has not moved until its restart ends. A
            // verified success off this node counts even while the informer still shows the VMI on it (its update lags the
            // VMIM's), or the last pass would record a moved VM as remaining.
            var movedOff = (succeededFrom.GetValueOrDefault(node) ?? []).Select(r => r.VmiUid).ToHashSet(StringComparer.Ordinal);
            var moved = migrating
                .Where(i => (movedOff.Contains(i.Vmi.Uid) || cluster.FindVmi(i.Vmi.Uid) is not { } v || v.Status?.NodeName != node)
                    && !(i.Disposition == PlanDisposition.Restart && inFlight.Contains(i.Vmi.Uid)))
                .Select(i => i.Vmi.Uid).ToHashSet(StringComparer.Ordinal);
            var givenUp = migrating.Count(i => _givenUp.Contains(i.Vmi.Uid));
            var flying = migrating.Count(i => inFlight.Contains(i.Vmi.Uid));
            var failedAttempts = migrating.Sum(i => failures.Of(i.Vmi.Uid));
            // Still tried after a failure: neither moved nor given up on (waiting out its backoff, or its retry in flight).
            var retrying = migrating.Count(i =>
                failures.Of(i.Vmi.Uid) > 0 && !moved.Contains(i.Vmi.Uid) && !_givenUp.Contains(i.Vmi.Uid));
            var skipped = items.Count - migrating.Count;
            // After a take-over the plan holds only the VMs still on the node: those an earlier run moved off it count too.
            var planned = items.Select(i => i.Vmi.Uid).ToHashSet(StringComparer.Ordinal);
            var movedEarlier = (succeededFrom.GetValueOrDefault(node) ?? []).Where(r => !planned.Contains(r.VmiUid))
                .Select(r => r.VmiUid).Distinct(StringComparer.Ordinal).Count();
            result.Add(new NodeProgress(node, items.Count + movedEarlier, moved.Count + movedEarlier, migrating.Count - moved.Count - givenUp, flying,
                failedAttempts, retrying, givenUp, skipped));
        }

        return result;
    }
}
