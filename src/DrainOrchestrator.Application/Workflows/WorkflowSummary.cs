using DrainOrchestrator.Workflows.Definitions;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>What a valid workflow file defines, as <c>workflow validate</c> reports it.</summary>
/// <param name="FileName">The file it was read from.</param>
/// <param name="Workflow">The workflow's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="ContentHash">The SHA-256 of its text, which an instance pins.</param>
/// <param name="Steps">How many steps, those inside batches included.</param>
/// <param name="Cron">Its schedule's cron, when it has one.</param>
/// <param name="TimeZone">Its schedule's IANA time zone.</param>
/// <param name="DurationSeconds">Its schedule's window length.</param>
public sealed record WorkflowSummary(string FileName, string Workflow, int Version, string ContentHash, int Steps, string? Cron, string? TimeZone,
    double? DurationSeconds)
{
    /// <summary>The summary of <paramref name="definition"/>, read from <paramref name="fileName"/>.</summary>
    public static WorkflowSummary Of(string fileName, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new WorkflowSummary(fileName, definition.Name, definition.Version, definition.ContentHash, Count(definition.Steps), definition.Schedule?.Cron,
            definition.Schedule?.TimeZone.Id, definition.Schedule?.Duration.TotalSeconds);
    }

    private static int Count(IEnumerable<StepDefinition> steps) => steps.Sum(s => 1 + (s is ForEachBatchStep b ? Count(b.Steps) : 0));
}
