namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>The drain took the node's coordination Lease.</summary>
/// <param name="Node">The node.</param>
[JournalEvent("node.locked", 1)]
public sealed record NodeLocked(string Node) : JournalEvent;

/// <summary>The drain is about to cordon the node (journaled before the act).</summary>
/// <param name="Node">The node.</param>
/// <param name="WasUnschedulable">Whether it was cordoned already, by someone else.</param>
[JournalEvent("node.cordon.intended", 1)]
public sealed record NodeCordonIntended(string Node, bool WasUnschedulable) : JournalEvent;

/// <summary>The drain is about to uncordon the node it cordoned (journaled before the act).</summary>
/// <param name="Node">The node.</param>
[JournalEvent("node.uncordon.intended", 1)]
public sealed record NodeUncordonIntended(string Node) : JournalEvent;

/// <summary>
/// The node was not found when the drain ended and meant to uncordon it: someone deleted it. Nothing is left to
/// uncordon, so the drain finishes anyway.
/// </summary>
/// <param name="Node">The node.</param>
[JournalEvent("node.gone", 1)]
public sealed record NodeGone(string Node) : JournalEvent;

/// <summary>Someone else took the node's coordination Lease after it expired; the drain goes on and takes it back once free.</summary>
/// <param name="Node">The node.</param>
/// <param name="Holder">Who holds it now.</param>
[JournalEvent("node.lease_lost", 1)]
public sealed record NodeLeaseLost(string Node, string Holder) : JournalEvent;
