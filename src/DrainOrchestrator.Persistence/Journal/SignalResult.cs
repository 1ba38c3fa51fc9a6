using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Persistence.Journal;

/// <summary>The outcome of sending a signal.</summary>
/// <param name="Accepted">True when the drain's state changed (or already was what the signal asks).</param>
/// <param name="PreviousState">The state before; null when the drain does not exist.</param>
/// <param name="NewState">The state after.</param>
/// <param name="Message">Why the signal was refused, or what it did.</param>
public sealed record SignalResult(bool Accepted, DrainState? PreviousState, DrainState? NewState, string Message);
