namespace DrainOrchestrator.Application.Drains;

/// <summary>The drain a start created, or the one it found: the same nodes' unfinished drain, or the same idempotency key's.</summary>
/// <param name="Drain">The drain.</param>
/// <param name="Attached">True when it existed already and nothing new was created.</param>
public sealed record StartedDrain(DrainView Drain, bool Attached);
