namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>Where an evacuation is: running until every VM moved or ran out of attempts.</summary>
public enum EvacuationState
{
    /// <summary>Unfinished: owned by an engine, or waiting for one to resume it.</summary>
    Running,

    /// <summary>Every VM runs in the target.</summary>
    Succeeded,

    /// <summary>At least one VM could not be moved (it keeps running in the source).</summary>
    Failed,
}
