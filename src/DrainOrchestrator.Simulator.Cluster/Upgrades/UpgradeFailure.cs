namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// A node whose (first) upgrade fails: it goes down for its reboot and does not come back on the new version. With
/// <paramref name="ReturnAfter"/> it returns Ready on its old version after that long (state Failed); without, it stays
/// NotReady for good, to test an orchestrator's timeout.
/// </summary>
/// <param name="Node">The node.</param>
/// <param name="ReturnAfter">How long it stays down; null for ever.</param>
public sealed record UpgradeFailure(string Node, TimeSpan? ReturnAfter);
