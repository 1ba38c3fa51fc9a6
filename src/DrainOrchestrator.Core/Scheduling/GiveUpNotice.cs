using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>A VMI the drain stopped trying to move, and why.</summary>
/// <param name="Item">The planned VMI.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Reason">Why it was given up.</param>
public sealed record GiveUpNotice(PlannedVmi Item, int Attempts, string Reason);
