namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>The states as the database spells them.</summary>
public static class EvacuationWords
{
    /// <summary>The database word of an evacuation state.</summary>
    public static string ToDatabase(this EvacuationState state) => state switch
    {
        EvacuationState.Running => "running",
        EvacuationState.Succeeded => "succeeded",
        EvacuationState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The database word of a VM state.</summary>
    public static string ToDatabase(this EvacuationVmState state) => state switch
    {
        EvacuationVmState.Planned => "planned",
        EvacuationVmState.Moving => "moving",
        EvacuationVmState.Succeeded => "succeeded",
        EvacuationVmState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    internal static EvacuationState EvacuationStateOf(string word) => word switch
    {
        "running" => EvacuationState.Running,
        "succeeded" => EvacuationState.Succeeded,
        "failed" => EvacuationState.Failed,
        _ => throw new InvalidOperationException($"Unknown evacuation state '{word}' in the database."),
    };

    internal static EvacuationVmState VmStateOf(string word) => word switch
    {
        "planned" => EvacuationVmState.Planned,
        "moving" => EvacuationVmState.Moving,
        "succeeded" => EvacuationVmState.Succeeded,
        "failed" => EvacuationVmState.Failed,
        _ => throw new InvalidOperationException($"Unknown evacuation VM state '{word}' in the database."),
    };
}
