namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>The answer to a cancel: whether it was recorded (or already was), the state it found, and in words.</summary>
/// <param name="Accepted">True when the evacuation is now cancelling (by this call or an earlier one).</param>
/// <param name="Found">The state the cancel found.</param>
/// <param name="Message">What happened, in the user's terms.</param>
public sealed record EvacuationCancelResult(bool Accepted, EvacuationState Found, string Message);
