namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>Where one VM of an evacuation is.</summary>
public enum EvacuationVmState
{
    /// <summary>Not started.</summary>
    Planned,

    /// <summary>Its receiver objects or VMIMs exist for the current attempt.</summary>
    Moving,

    /// <summary>It runs in the target; the source VM is halted.</summary>
    Succeeded,

    /// <summary>Every attempt failed; it keeps running in the source.</summary>
    Failed,

    /// <summary>Not moved because the evacuation was cancelled (not started, or aborted before the hand-off); it keeps running in the source.</summary>
    Cancelled,
}
