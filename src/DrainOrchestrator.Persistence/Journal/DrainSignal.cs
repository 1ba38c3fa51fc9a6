namespace DrainOrchestrator.Persistence.Journal;

/// <summary>What an operator asks of a running drain.</summary>
public enum DrainSignal
{
    /// <summary>Start nothing new; migrations in flight finish.</summary>
    Pause,

    /// <summary>Start migrations again after a pause.</summary>
    Resume,

    /// <summary>Abort in-flight migrations, undo what the policy says, finish as cancelled.</summary>
    Cancel,
}
