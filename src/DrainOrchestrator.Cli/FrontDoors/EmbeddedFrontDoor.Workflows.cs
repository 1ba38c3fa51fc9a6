using DrainOrchestrator.Application.Journal;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Workflows;

namespace DrainOrchestrator.Cli.FrontDoors;

internal sealed partial class EmbeddedFrontDoor : IWorkflowFrontDoor
{
    private HttpClient? _stepsHttp;

    public async Task<WorkflowPlanView> PlanWorkflowAsync(WorkflowSource source, IReadOnlyDictionary<string, string> arguments,
        CancellationToken cancellationToken) =>
        (await WorkflowsAsync(online: true, cancellationToken)).Plan(source, arguments);

    public async Task<WorkflowView> StartWorkflowAsync(WorkflowSource source, IReadOnlyDictionary<string, string> arguments, string? name,
        CancellationToken cancellationToken) =>
        await (await WorkflowsAsync(online: true, cancellationToken)).StartAsync(source, arguments, Caller, name, cancellationToken);

    public async Task<WorkflowView> FollowWorkflowAsync(WorkflowView instance, IProgress<DrainProgress>? progress, IProgress<WorkflowWait?>? waits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _stepsHttp ??= new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        return await (await WorkflowsAsync(online: true, cancellationToken)).RunAsync(instance.Id, new DrainEngineOptions(), _stepsHttp, progress, waits,
            cancellationToken);
    }

    public async Task<WorkflowView> GetWorkflowAsync(string idOrName, CancellationToken cancellationToken) =>
        await (await WorkflowsAsync(online: false, cancellationToken)).GetAsync(idOrName, cancellationToken);

    public async Task<IReadOnlyList<WorkflowView>> ListWorkflowsAsync(bool activeOnly, CancellationToken cancellationToken) =>
        await (await WorkflowsAsync(online: false, cancellationToken)).ListAsync(activeOnly, cancellationToken);

    public async Task<IReadOnlyList<JournalEventView>> WorkflowJournalAsync(string idOrName, bool withDrains, CancellationToken cancellationToken) =>
        await (await WorkflowsAsync(online: false, cancellationToken)).JournalAsync(idOrName, withDrains, cancellationToken);

    public async Task<string> ApproveAsync(string idOrName, string step, CancellationToken cancellationToken) =>
        await (await WorkflowsAsync(online: false, cancellationToken)).ApproveAsync(idOrName, step, Caller, cancellationToken);

    public async Task<WorkflowSignalOutcome> SignalWorkflowAsync(string idOrName, string to, CancellationToken cancellationToken) =>
        await (await WorkflowsAsync(online: false, cancellationToken)).SendAsync(idOrName, to, Caller, cancellationToken);

    public async Task<ScheduleView> CreateScheduleAsync(string name, WorkflowSource source, IReadOnlyDictionary<string, string> arguments,
        CancellationToken cancellationToken) =>
        await Schedules.CreateAsync(name, source, await ConnectionAsync(cancellationToken), arguments, Caller, cancellationToken);

    public Task<IReadOnlyList<ScheduleView>> ListSchedulesAsync(CancellationToken cancellationToken) => Schedules.ListAsync(cancellationToken);

    public Task DeleteScheduleAsync(string name, CancellationToken cancellationToken) => Schedules.DeleteAsync(name, cancellationToken);

    public Task<IReadOnlyList<FiringRecord>> FiringsAsync(string name, CancellationToken cancellationToken) => Schedules.FiringsAsync(name, cancellationToken);
}
