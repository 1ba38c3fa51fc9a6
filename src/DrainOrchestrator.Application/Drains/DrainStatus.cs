namespace DrainOrchestrator.Application.Drains;

/// <summary>A drain's state as the front doors show it.</summary>
public enum DrainStatus
{
    /// <summary>Queued or running (including a cancel under way).</summary>
    Running,

    /// <summary>Paused by an operator: migrations in flight finish, nothing new starts.</summary>
    Paused,

    /// <summary>Its maintenance window ended with work left: it waits for the next window (a run then resumes it).</summary>
    Suspended,

    /// <summary>Every VM it was to move left the nodes.</summary>
    Succeeded,

    /// <summary>Ended without succeeding.</summary>
    Failed,

    /// <summary>Cancelled by an operator.</summary>
    Cancelled,

    /// <summary>Unfinished, and no engine holds it now: resumable (the server resumes it; drainctl by running the same command).</summary>
    Interrupted,
}
