namespace DrainOrchestrator.Application.Workflows;

/// <summary>The workflow ends early: a step failed under the stop policy, or an operator cancelled it.</summary>
internal sealed class WorkflowStoppedException(string message, bool cancelled) : Exception(message)
{
    public bool Cancelled { get; } = cancelled;
}

/// <summary>
/// The maintenance window ended with the drain's work left: the instance is suspended until the next occurrence of its
/// schedule resumes it, its steps as they are (the drain step still running, its drain suspended).
/// </summary>
internal sealed class WorkflowSuspendedException(string message) : Exception(message);

/// <summary>A step failed under the skip policy: the rest of its batch is skipped and the workflow goes on.</summary>
internal sealed class BatchSkippedException(string message) : Exception(message);
