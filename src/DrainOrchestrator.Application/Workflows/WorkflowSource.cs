using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Workflows.Definitions;
using DrainOrchestrator.Workflows.Parsing;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>
/// A workflow definition as its author wrote it: the file's name (problems are reported at <c>file:line:column</c> in
/// it) and its text. drainctl reads the file where it runs and sends the text, so a server never opens a client's path.
/// </summary>
public sealed record WorkflowSource(string FileName, string Text)
{
    /// <summary>Reads <paramref name="path"/>; a file that cannot be read is an invalid request naming it.</summary>
    public static async Task<WorkflowSource> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return new WorkflowSource(path, await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidRequestException([new RequestProblem("file", $"cannot read '{path}': {ex.Message}")]);
        }
    }

    /// <summary>
    /// Every problem at once; with <paramref name="arguments"/> the parameters are bound as a run binds them, without
    /// them required parameters take sample values (validation only).
    /// </summary>
    public (WorkflowDefinition? Definition, IReadOnlyList<WorkflowProblem> Problems) Validate(IReadOnlyDictionary<string, string>? arguments) =>
        WorkflowParser.Parse(Text, FileName, arguments);

    /// <summary>The definition bound to <paramref name="arguments"/>, or <see cref="InvalidWorkflowException"/> with every problem.</summary>
    public WorkflowDefinition Bind(IReadOnlyDictionary<string, string> arguments)
    {
        var (definition, problems) = Validate(arguments);
        return definition ?? throw new InvalidWorkflowException(problems);
    }
}
