namespace DrainOrchestrator.Server.Api;

/// <summary>
/// The body of <c>POST /api/v1/workflows</c> (start), <c>POST /api/v1/workflows/validate</c> and <c>/plan</c>: a workflow file's text
/// as its author wrote it and the file's name, which every problem's <c>file:line:column</c> names.
/// </summary>
/// <param name="FileName">The file's name (or path) as the author knows it.</param>
/// <param name="Text">The YAML text.</param>
/// <param name="Parameters">NAME to VALUE for the workflow's parameters; to validate, absent means sample values for required ones; to plan or start, required ones must be given.</param>
/// <param name="Name">The instance's unique name (start only); generated when absent.</param>
public sealed record WorkflowFileRequest(string? FileName, string? Text, IReadOnlyDictionary<string, string>? Parameters = null, string? Name = null);

/// <summary>The body of <c>POST /api/v1/schedules</c>: a name and the workflow file whose schedule section says when.</summary>
/// <param name="Name">The schedule's unique name.</param>
/// <param name="FileName">The workflow file's name (or path) as the author knows it.</param>
/// <param name="Text">The workflow's YAML text.</param>
/// <param name="Parameters">NAME to VALUE for the workflow's parameters, pinned with the schedule.</param>
public sealed record ScheduleRequest(string? Name, string? FileName, string? Text, IReadOnlyDictionary<string, string>? Parameters = null);

/// <summary>The body of <c>POST /api/v1/workflows/{id}/approve</c>.</summary>
/// <param name="Step">The approval step waiting: its key (<c>service[0]/work-done</c>) or its id when unique.</param>
public sealed record ApprovalRequest(string? Step);

/// <summary>The answer to an approval.</summary>
/// <param name="Message">What was recorded, e.g. <c>NAME: step KEY approved by CALLER</c>.</param>
public sealed record ApprovalOutcome(string Message);

/// <summary>One problem of a workflow file in a 422 problem document's <c>errors</c> array.</summary>
/// <param name="Field">The field's path in the document (<c>steps[2].timeout</c>), empty for the document as a whole.</param>
/// <param name="Message">The whole line: <c>file:line:column: path: what is wrong</c>.</param>
/// <param name="File">The file's name as the request gave it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record WorkflowApiError(string Field, string Message, string File, int Line, int Column);
