namespace DrainOrchestrator.Engine.Migrate;

/// <summary>How the migrate step ended.</summary>
internal enum LoopOutcome
{
    /// <summary>Nothing left to move or try.</summary>
    Completed,

    /// <summary>An operator cancelled the drain.</summary>
    Cancelled,

    /// <summary>VMIs remain and nothing can move them (capacity) for longer than the stuck timeout.</summary>
    Stuck,
}
