using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Workflows.Definitions;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>
/// A workflow file has problems and nothing was started: every one of them, each at its <c>file:line:column</c>. A retry
/// succeeds only with a corrected file or other arguments.
/// </summary>
public sealed class InvalidWorkflowException : InvalidRequestException
{
    public InvalidWorkflowException()
        : this([])
    {
    }

    public InvalidWorkflowException(string message)
        : base(message) => WorkflowProblems = [];

    public InvalidWorkflowException(string message, Exception innerException)
        : base(message, innerException) => WorkflowProblems = [];

    public InvalidWorkflowException(IReadOnlyList<WorkflowProblem> problems)
        : base([.. (problems ?? []).Select(p => new RequestProblem(p.Path, p.ToString()))]) => WorkflowProblems = problems ?? [];

    /// <summary>The problems with their positions.</summary>
    public IReadOnlyList<WorkflowProblem> WorkflowProblems { get; }
}
