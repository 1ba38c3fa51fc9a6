namespace DrainOrchestrator.Core.Planning;

/// <summary>Why a VMI cannot be live-migrated.</summary>
public enum BlockReason
{
    /// <summary>Nothing stops it.</summary>
    None,

    /// <summary>Its LiveMigratable condition is False (the detail carries the condition's reason).</summary>
    NotLiveMigratable,

    /// <summary>Its effective eviction strategy is None.</summary>
    EvictionStrategyNone,

    /// <summary>No remaining node admits it (taints, selector, affinity, memory).</summary>
    NoFeasibleTarget,

    /// <summary>Some node admits it, but not after the other VMs of the drain are placed.</summary>
    InsufficientCapacity,

    /// <summary>The shutdown action was chosen but its run strategy would not start it again.</summary>
    CannotRestart,

    /// <summary>A move-back: its original node did not return (gone, not Ready, cordoned, or no longer admits it).</summary>
    OriginNotBack,

    /// <summary>A move-back: its original node is back but lacks the memory for it.</summary>
    OriginFull,

    /// <summary>A move-back: it no longer exists, or it is not on the node the drain moved it to (someone moved it since).</summary>
    MovedSince,
}
