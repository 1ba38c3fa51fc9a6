namespace DrainOrchestrator.Application.Drains;

/// <summary>
/// The drain holds because its engine's view of the cluster stopped following the API server: it starts nothing new
/// until the view recovers (README, "A stale cluster view").
/// </summary>
/// <param name="Since">When the view was last known in sync.</param>
/// <param name="Reason">Which informers fail and why.</param>
public sealed record ClusterViewHold(DateTimeOffset Since, string Reason);
