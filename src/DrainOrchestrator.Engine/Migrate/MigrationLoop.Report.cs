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
    private ProgressCounter? _counter;

    // Each node's progress as last written (journaled with its counts on drain_nodes, in one statement).
    private readonly Dictionary<string, NodeProgress> _journaledNodes = new(StringComparer.Ordinal);

    // Into the pass's writes whenever the counts or the pause change: the live progress a client of the API follows (its
    // events) is exactly the progress drainctl prints in this process. drain_nodes gets the nodes whose counts changed.
    private void Report(IReadOnlyList<AttemptRecord> records, int clusterInFlight, bool paused)
    {
        var counter = _counter ??= new ProgressCounter(plan, context.Nodes);
        var counts = counter.Count(records, _givenUp, _places);
        if (counts.SequenceEqual(_lastCounts) && paused == _lastPaused)
        {
            return;
        }

        var seconds = Math.Round(counter.RemainingSeconds(_givenUp, _places) / Math.Max(1, context.Policy.MaxParallelMigrations),
            MidpointRounding.AwayFromZero);
        // The run's first progress journals every node, the later ones the nodes that changed since the last journaled;
        // drain_nodes gets those whose counts changed.
        var first = _journaledNodes.Count == 0;
        var changed = first ? counts : counts.Where(n => !_journaledNodes.TryGetValue(n.Node, out var was) || was != n).ToList();
        var rows = changed.Select(n => (Now: CountsOf(n), Was: _journaledNodes.GetValueOrDefault(n.Node)))
            .Where(r => r.Was is null || CountsOf(r.Was) != r.Now).Select(r => r.Now).ToList();
        // Lazy unless the pause changed: an operator's pause or resume is acknowledged by the pass that sees it.
        Writes.Progress(new ProgressReported(changed, paused, seconds, first ? null : true), rows, lazy: paused == _lastPaused, () =>
        {
            foreach (var node in changed)
            {
                _journaledNodes[node.Node] = node;
            }

            (_lastCounts, _lastPaused) = (counts, paused);

            context.Progress?.Report(new DrainProgress(Workflow.DrainSteps.Migrate, paused, counts, clusterInFlight,
                TimeSpan.FromSeconds(seconds)));
        });
    }

    private static NodeCounts CountsOf(NodeProgress node) => new(node.Node, node.Total, node.Moved, node.Skipped, node.GivenUp);
}
