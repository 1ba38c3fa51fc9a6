namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>Where an evacuation is: running until every VM moved or ran out of attempts, or cancelling until its moves in flight end.</summary>
public enum EvacuationState
{
    /// <summary>Unfinished: owned by an engine, or waiting for one to resume it.</summary>
    Running,

    /// <summary>An operator cancelled it: unfinished until the owner has left or aborted every move (see <see cref="Cancelled"/>).</summary>
    Cancelling,

    /// <summary>Every VM runs in the target.</summary>
    Succeeded,

    /// <summary>At least one VM could not be moved (it keeps running in the source).</summary>
    Failed,

    /// <summary>Cancelled: VMs not started were left alone, moves not handed off were aborted, moves past the hand-off finished.</summary>
    Cancelled,
}
