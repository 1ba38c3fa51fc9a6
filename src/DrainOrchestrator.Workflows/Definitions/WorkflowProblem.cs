namespace DrainOrchestrator.Workflows.Definitions;

/// <summary>One problem with a workflow definition, at the place it was written.</summary>
/// <param name="Position">Where.</param>
/// <param name="Path">The field's path in the document, e.g. <c>steps[2].timeout</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record WorkflowProblem(SourcePosition Position, string Path, string Message)
{
    /// <summary><c>file:line:column: path: message</c>.</summary>
    public override string ToString() => $"{Position}: {(Path.Length == 0 ? string.Empty : Path + ": ")}{Message}";
}
