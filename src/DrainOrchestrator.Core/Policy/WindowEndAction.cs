namespace DrainOrchestrator.Core.Policy;

/// <summary>What happens to the migrations in flight when a drain's maintenance window ends.</summary>
public enum WindowEndAction
{
    /// <summary>They run to their end; nothing new starts, and the drain suspends once they are over.</summary>
    Finish,

    /// <summary>They are aborted (their VMIMs deleted) and the drain suspends at once; each is tried again in the next window.</summary>
    Abort,
}
