namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>
/// The drain's progress, journaled whenever a node's counts or the pause change: what a client of the API follows is
/// exactly what drainctl prints in the engine's process.
/// </summary>
/// <param name="Nodes">Per node, where it stands.</param>
/// <param name="Paused">Whether an operator paused the drain.</param>
/// <param name="EtaSeconds">The predicted seconds left (absent from the progress of the earliest engines).</param>
[JournalEvent("progress", 1)]
public sealed record ProgressReported(IReadOnlyList<NodeProgress> Nodes, bool Paused, double? EtaSeconds) : JournalEvent;

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
