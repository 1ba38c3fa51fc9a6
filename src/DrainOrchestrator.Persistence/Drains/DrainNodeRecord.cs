namespace DrainOrchestrator.Persistence.Drains;

/// <summary>One node of a drain as recorded.</summary>
public sealed record DrainNodeRecord(
    string NodeName,
    DrainNodeState State,
    bool? WasUnschedulable,
    int? VmisTotal,
    int VmisMigrated,
    int VmisSkipped,
    int VmisFailed,
    DateTimeOffset? ReleasedAt,
    string? LastError);
