namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>
/// The drain's progress, journaled whenever a node's counts or the pause change: what a client of the API follows is
/// exactly what drainctl prints in the engine's process. A run's first progress holds every node; the later ones only
/// the nodes that changed since the one before (<see cref="Changes"/>), so an event's size follows what moved, not the
/// drain's node count. A follower reads the journal from the drain's start and keeps each node's latest (<see cref="Over"/>).
/// </summary>
/// <param name="Nodes">Per node, where it stands: every node, or the nodes that changed when <paramref name="Changes"/>.</param>
/// <param name="Paused">Whether an operator paused the drain.</param>
/// <param name="EtaSeconds">The predicted seconds left (absent from the progress of the earliest engines).</param>
/// <param name="Changes">True when <paramref name="Nodes"/> holds only the nodes that changed since the drain's previous progress; absent when it holds every node.</param>
[JournalEvent("progress", 1)]
public sealed record ProgressReported(IReadOnlyList<NodeProgress> Nodes, bool Paused, double? EtaSeconds, bool? Changes = null) : JournalEvent
{
    /// <summary>
    /// Every node as this progress leaves it after <paramref name="held"/> (the nodes as the events before it left them):
    /// its nodes replace theirs, in their order, and a node new to <paramref name="held"/> is added at the end.
    /// </summary>
    public IReadOnlyList<NodeProgress> Over(IReadOnlyList<NodeProgress> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (Changes != true)
        {
            return Nodes;
        }

        var merged = new List<NodeProgress>(held);
        var at = new Dictionary<string, int>(held.Count, StringComparer.Ordinal);
        for (var i = 0; i < merged.Count; i++)
        {
            at[merged[i].Node] = i;
        }

        foreach (var node in Nodes)
        {
            if (at.TryGetValue(node.Node, out var i))
            {
                merged[i] = node;
            }
            else
            {
                at[node.Node] = merged.Count;
                merged.Add(node);
            }
        }

        return merged;
    }
}

/// <summary>Where one node of a drain stands (journaled with <see cref="ProgressReported"/>, and reported live).</summary>
/// <param name="Node">The node.</param>
/// <param name="Total">Its VMs as planned.</param>
/// <param name="Moved">VMs that left it.</param>
/// <param name="Remaining">VMs still to move: neither moved nor given up on.</param>
/// <param name="InFlight">VMs with an attempt under way.</param>
/// <param name="FailedAttempts">Attempts that ended without moving their VM, whether it is retried or given up on.</param>
/// <param name="Retrying">VMs with a failed attempt that the drain still tries to move (waiting out a backoff, or retried).</param>
/// <param name="GivenUp">VMs the drain stopped trying to move.</param>
/// <param name="Skipped">VMs left where they are by policy.</param>
public sealed record NodeProgress(
    string Node, int Total, int Moved, int Remaining, int InFlight, int FailedAttempts, int Retrying, int GivenUp, int Skipped);
