namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>One VM of an evacuation: its planned place, sizes, state and current attempt.</summary>
public sealed record EvacuationVmRecord(string VmName, string VmUid, int Wave, int Position, long MemoryBytes, long DiskBytes,
    EvacuationVmState State, int Attempt, string? SourceNode, string? TargetNode, string? Failure, DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
