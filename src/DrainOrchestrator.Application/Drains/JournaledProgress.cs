using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Application.Drains;

/// <summary>
/// A drain's progress as its holder journals it, for a process that follows the drain without running it (drainctl
/// attached to a drain another process holds; drainctl --server reading the server's events): each report folded over
/// the nodes the earlier ones left, since a report after a run's first holds only the nodes that changed. How many
/// migrations are in flight in the whole cluster is not journaled, so it is unknown here.
/// </summary>
public sealed class JournaledProgress
{
    private IReadOnlyList<NodeProgress> _nodes = [];

    /// <summary>The progress after <paramref name="reported"/>.</summary>
    public DrainProgress Apply(ProgressReported reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        _nodes = (reported with { Nodes = reported.Nodes ?? [] }).Over(_nodes);
        return new DrainProgress(DrainSteps.Migrate, reported.Paused, _nodes, null,
            reported.EtaSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
    }
}
