namespace DrainOrchestrator.Application.Evacuations;

/// <summary>A recorded evacuation, and whether it was an unfinished one of the same source namespace that this start attached to.</summary>
public sealed record StartedEvacuation(EvacuationView Evacuation, bool Attached);
