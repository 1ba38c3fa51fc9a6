namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>The drain began or ended holding on a stale cluster view (read in order, the last one says which holds now).</summary>
public abstract record DrainViewEvent : JournalEvent;

/// <summary>
/// The engine's view of the cluster (its informers) stopped following the API server for longer than the bound: the drain
/// starts nothing new (no VMIM, no cordon) until it recovers, and still records what it can observe.
/// </summary>
/// <param name="Since">When the view was last known in sync.</param>
/// <param name="StaleSeconds">How long the view had not been known in sync when the hold began.</param>
/// <param name="BoundSeconds">The bound it passed (the engine's view-stale bound).</param>
/// <param name="Reason">Which informers fail and why, e.g. <c>virtualmachineinstancemigrations: ... 403 ...</c>.</param>
[JournalEvent("drain.view_stale", 1)]
public sealed record DrainViewStale(DateTimeOffset Since, double StaleSeconds, double BoundSeconds, string Reason) : DrainViewEvent;

/// <summary>The engine's view of the cluster follows the API server again: the drain resumes starting work.</summary>
/// <param name="HeldSeconds">How long the drain held.</param>
[JournalEvent("drain.view_recovered", 1)]
public sealed record DrainViewRecovered(double HeldSeconds) : DrainViewEvent;
