namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>The states as the database spells them.</summary>
public static class EvacuationWords
{
    /// <summary>The database word of an evacuation state.</summary>
    public static string ToDatabase(this EvacuationState state) => state switch
    {
        EvacuationState.Running => "running",
        EvacuationState.Cancelling => "cancelling",
        EvacuationState.Succeeded => "succeeded",
        EvacuationState.Failed => "failed",
        EvacuationState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The database word of a VM state.</summary>
    public static string ToDatabase(this EvacuationVmState state) => state switch
    {
        EvacuationVmState.Planned => "planned",
        EvacuationVmState.Moving => "moving",
        EvacuationVmState.Succeeded => "succeeded",
        EvacuationVmState.Failed => "failed",
        EvacuationVmState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    internal static EvacuationState EvacuationStateOf(string word) => word switch
    {
        "running" => EvacuationState.Running,
        "cancelling" => EvacuationState.Cancelling,
        "succeeded" => EvacuationState.Succeeded,
        "failed" => EvacuationState.Failed,
        "cancelled" => EvacuationState.Cancelled,
        _ => throw new InvalidOperationException($"Unknown evacuation state '{word}' in the database."),
    };

    internal static EvacuationVmState VmStateOf(string word) => word switch
    {
        "planned" => EvacuationVmState.Planned,
        "moving" => EvacuationVmState.Moving,
        "succeeded" => EvacuationVmState.Succeeded,
        "failed" => EvacuationVmState.Failed,
        "cancelled" => EvacuationVmState.Cancelled,
        _ => throw new InvalidOperationException($"Unknown evacuation VM state '{word}' in the database."),
    };

    /// <summary>Whether an evacuation in <paramref name="state"/> is unfinished (running, or cancelling until its moves in flight end).</summary>
    public static bool IsUnfinished(this EvacuationState state) => state is EvacuationState.Running or EvacuationState.Cancelling;

    /// <summary>Whether a VM in <paramref name="state"/> has ended (moved, given up, or left by a cancel).</summary>
    public static bool IsFinal(this EvacuationVmState state) =>
        state is EvacuationVmState.Succeeded or EvacuationVmState.Failed or EvacuationVmState.Cancelled;
}
