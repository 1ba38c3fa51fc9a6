using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Workflows.Definitions;

/// <summary>
/// A maintenance workflow as written in <c>workflows/</c>, parsed with its parameters bound. An instance pins the
/// <see cref="Version"/> and <see cref="ContentHash"/> of the text it started from, so editing the file never changes a
/// running instance.
/// </summary>
/// <param name="Name">The workflow's name (metadata.name).</param>
/// <param name="Version">The author's version number (metadata.version).</param>
/// <param name="Description">What it is for.</param>
/// <param name="ContentHash">SHA-256 of the file's text, hex.</param>
/// <param name="Parameters">Its typed parameters.</param>
/// <param name="Arguments">The values the parameters were bound to (given, else defaults).</param>
/// <param name="Policy">The drain policy its drain steps use.</param>
/// <param name="Steps">Its steps, in order.</param>
/// <param name="Schedule">When it runs on its own; null when only started by hand.</param>
public sealed record WorkflowDefinition(
    string Name,
    int Version,
    string? Description,
    string ContentHash,
    IReadOnlyList<ParameterDefinition> Parameters,
    IReadOnlyDictionary<string, object> Arguments,
    DrainPolicy Policy,
    IReadOnlyList<StepDefinition> Steps,
    Schedules.ScheduleDefinition? Schedule);
