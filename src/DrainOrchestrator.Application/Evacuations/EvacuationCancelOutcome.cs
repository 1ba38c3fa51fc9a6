namespace DrainOrchestrator.Application.Evacuations;

/// <summary>The answer to a cancel: whether the evacuation is now cancelling (false when it had ended), in words, and the evacuation after it.</summary>
public sealed record EvacuationCancelOutcome(bool Accepted, string Message, EvacuationView Evacuation);
