namespace DrainOrchestrator.Engine.Progress;

/// <summary>Where one node of a drain stands.</summary>
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
