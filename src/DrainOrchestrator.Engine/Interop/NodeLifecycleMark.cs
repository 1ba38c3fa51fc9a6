namespace DrainOrchestrator.Engine.Interop;

/// <summary>What happened to a node, as its lifecycle conditions tell it.</summary>
public enum NodeLifecycleMark
{
    /// <summary>A drain started: DrainInProgress True, Drained False.</summary>
    Started,

    /// <summary>The drain succeeded: DrainInProgress False, Drained True.</summary>
    Succeeded,

    /// <summary>The drain failed: both False.</summary>
    Failed,

    /// <summary>The drain was cancelled: both False.</summary>
    Cancelled,

    /// <summary>The node went back into service (uncordoned): both False.</summary>
    Uncordoned,

    /// <summary>The drain is suspended until its next window with the node back in service (uncordoned): both False.</summary>
    Suspended,
}
