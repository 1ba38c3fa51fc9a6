namespace DrainOrchestrator.Application.Workflows;

/// <summary>The workflow ends early: a step failed under the stop policy, or an operator cancelled it.</summary>
internal sealed class WorkflowStoppedException(string message, bool cancelled) : Exception(message)
{
    public bool Cancelled { get; } = cancelled;
}

/// <summary>A step failed under the skip policy: the rest of its batch is skipped and the workflow goes on.</summary>
internal sealed class BatchSkippedException(string message) : Exception(message);
