using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>The workflow runner's log messages (event ids 4000–4099).</summary>
internal static partial class WorkflowLog
{
    [LoggerMessage(4001, LogLevel.Information, "Workflow {Instance}: step {Step} started")]
    public static partial void StepStarted(ILogger logger, string instance, string step);

    [LoggerMessage(4002, LogLevel.Information, "Workflow {Instance}: step {Step} {State}")]
    public static partial void StepEnded(ILogger logger, string instance, string step, string state);

    [LoggerMessage(4003, LogLevel.Warning, "Workflow {Instance}: step {Step}: {Problem}; trying again")]
    public static partial void StepRetry(ILogger logger, string instance, string step, string problem);
}
