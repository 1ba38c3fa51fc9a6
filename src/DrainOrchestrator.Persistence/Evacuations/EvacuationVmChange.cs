namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>A change of one VM's row: its new state and attempt; nodes kept when null; <see cref="Started"/>/<see cref="Finished"/> stamp now.</summary>
public sealed record EvacuationVmChange(EvacuationVmState State, int Attempt, string? SourceNode = null, string? TargetNode = null,
    string? Failure = null, bool Started = false, bool Finished = false);
