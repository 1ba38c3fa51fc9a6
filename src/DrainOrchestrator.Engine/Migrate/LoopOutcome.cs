namespace DrainOrchestrator.Engine.Migrate;

/// <summary>How the migrate step ended.</summary>
internal enum LoopOutcome
{
    /// <summary>Nothing left to move or try.</summary>
    Completed,

    /// <summary>An operator cancelled the drain.</summary>
    Cancelled,

    /// <summary>The maintenance window admits nothing more and nothing of ours is in flight (or what was, the window's end aborted).</summary>
    Suspended,

    /// <summary>Under <c>migrationNetwork: fail</c>, a migration used the pod network although a dedicated network is configured.</summary>
    MissedMigrationNetwork,

    /// <summary>VMIs remain and nothing can move them (capacity) for longer than the stuck timeout.</summary>
    Stuck,
}
