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

    [LoggerMessage(4021, LogLevel.Information, "Workflow {Instance}: step {Step} runs evacuation {Evacuation} of {FromNamespace} to {ToNamespace}")]
    public static partial void EvacuationRunning(ILogger logger, string instance, string step, Guid evacuation, string fromNamespace, string toNamespace);

    [LoggerMessage(4022, LogLevel.Information, "Workflow {Instance}: step {Step}: evacuation {Evacuation} ended {State}, {Moved} of {Vms} VMs moved")]
    public static partial void EvacuationEnded(ILogger logger, string instance, string step, Guid evacuation, string state, int moved, int vms);

    [LoggerMessage(4023, LogLevel.Warning,
        "Workflow {Instance} is suspended until the next window of schedule {Schedule}, which was deleted: create the schedule again or cancel the instance")]
    public static partial void SuspendedWithoutSchedule(ILogger logger, string instance, string schedule);
}
