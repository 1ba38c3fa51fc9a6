namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>The drain stopped trying to move a VM (its attempts ran out, or its failure is not worth a retry).</summary>
/// <param name="Uid">The VMI's uid.</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Node">The node it stays on.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Reason">Why, in words.</param>
[JournalEvent("vmi.given_up", 1)]
public sealed record VmiGivenUp(string Uid, string Namespace, string Name, string Node, int Attempts, string Reason) : JournalEvent;
