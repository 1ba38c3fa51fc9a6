namespace DrainOrchestrator.Application.Drains;

/// <summary>What a pause, resume or cancel did.</summary>
/// <param name="Accepted">True when the drain is now as asked.</param>
/// <param name="Message">What happened, or why it was refused.</param>
/// <param name="Drain">The drain afterwards.</param>
public sealed record SignalOutcome(bool Accepted, string Message, DrainView Drain);
