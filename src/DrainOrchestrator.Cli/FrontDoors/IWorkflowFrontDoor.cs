using DrainOrchestrator.Application.Journal;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Workflows;

namespace DrainOrchestrator.Cli.FrontDoors;

/// <summary>
/// What drainctl's workflow and schedule commands need, served by the application layer in this process or by a
/// server's API; the commands read workflow files here and print the same either way.
/// </summary>
internal interface IWorkflowFrontDoor
{
    /// <summary>The workflow's drains forecast batch by batch on the cluster as it is; nothing is recorded.</summary>
    Task<WorkflowPlanView> PlanWorkflowAsync(WorkflowSource source, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken);

    Task<WorkflowView> StartWorkflowAsync(WorkflowSource source, IReadOnlyDictionary<string, string> arguments, string? name, CancellationToken cancellationToken);

    /// <summary>
    /// Embedded: runs the instance here until it ends (or returns at once when another live process runs it). Remote:
    /// the server runs it; follows it until it ends. Embedded, <paramref name="progress"/> gets the progress of each drain
    /// step as it runs; remote, the steps' states alone are followed. Either way <paramref name="waits"/> gets what the
    /// run waits for (an approval, a window, an operator's resume) each time that changes.
    /// </summary>
    Task<WorkflowView> FollowWorkflowAsync(WorkflowView instance, IProgress<DrainProgress>? progress, IProgress<WorkflowWait?>? waits,
        CancellationToken cancellationToken);

    Task<WorkflowView> GetWorkflowAsync(string idOrName, CancellationToken cancellationToken);

    Task<IReadOnlyList<WorkflowView>> ListWorkflowsAsync(bool activeOnly, CancellationToken cancellationToken);

    /// <summary>The instance's journal; with <paramref name="withDrains"/> each started drain's events follow its start.</summary>
    Task<IReadOnlyList<JournalEventView>> WorkflowJournalAsync(string idOrName, bool withDrains, CancellationToken cancellationToken);

    /// <summary>Approves a waiting approval step; returns what was recorded.</summary>
    Task<string> ApproveAsync(string idOrName, string step, CancellationToken cancellationToken);

    /// <summary>Sets <c>paused</c>, <c>running</c> (resume) or <c>cancelled</c>.</summary>
    Task<WorkflowSignalOutcome> SignalWorkflowAsync(string idOrName, string to, CancellationToken cancellationToken);

    Task<ScheduleView> CreateScheduleAsync(string name, WorkflowSource source, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken);

    Task<IReadOnlyList<ScheduleView>> ListSchedulesAsync(CancellationToken cancellationToken);

    Task DeleteScheduleAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<FiringRecord>> FiringsAsync(string name, CancellationToken cancellationToken);
}
