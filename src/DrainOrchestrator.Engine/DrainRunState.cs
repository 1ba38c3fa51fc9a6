namespace DrainOrchestrator.Engine;

/// <summary>Where a run of the engine left a drain: the drain's own state, or why the run stopped before the drain ended.</summary>
public enum DrainRunState
{
    /// <summary>Recorded, not started.</summary>
    Pending,

    /// <summary>Running (another engine may run it on).</summary>
    Running,

    /// <summary>Paused by an operator.</summary>
    Paused,

    /// <summary>Its maintenance window ended with work left: it waits for a run in the next window, nothing lost.</summary>
    Suspended,

    /// <summary>Being cancelled.</summary>
    Cancelling,

    /// <summary>Every VM it was to move left its nodes.</summary>
    Succeeded,

    /// <summary>Ended without succeeding.</summary>
    Failed,

    /// <summary>Ended by a cancel.</summary>
    Cancelled,

    /// <summary>
    /// The database stayed unreachable for longer than the outage timeout: the drain is unfinished and intact, and the
    /// same command run again resumes it.
    /// </summary>
    Interrupted,

    /// <summary>This process lost the drain's lease; another process continues it.</summary>
    Lost,
}
