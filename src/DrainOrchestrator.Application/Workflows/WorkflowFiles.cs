using DrainOrchestrator.Workflows.Definitions;
using DrainOrchestrator.Workflows.Parsing;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>Workflow definition files: validated with every problem at its file:line:column, before anything starts.</summary>
public static class WorkflowFiles
{
    /// <summary>
    /// Reads and validates <paramref name="path"/>; with <paramref name="arguments"/> the parameters are bound as a run
    /// would bind them (required ones must then be given), without them required parameters take sample values.
    /// </summary>
    public static Task<(WorkflowDefinition? Definition, IReadOnlyList<WorkflowProblem> Problems)> ValidateAsync(string path,
        IReadOnlyDictionary<string, string>? arguments, CancellationToken cancellationToken) =>
        WorkflowParser.ParseFileAsync(path, arguments, cancellationToken);
}
