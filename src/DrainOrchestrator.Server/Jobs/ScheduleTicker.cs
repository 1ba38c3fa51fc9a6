using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// The schedule ticker of this replica: every tick interval it records the occurrences that fell due. Every replica
/// ticks; the (schedule, due time) row makes each occurrence fire once across all of them, and the replica that
/// recorded a firing enqueues its instance. If that replica dies in between, the instance stays pending and the
/// workflow supervisor of any replica enqueues it.
/// </summary>
internal sealed class ScheduleTicker(ScheduleApplication schedules, WorkflowJobs jobs, ServeOptions options, DrainEngineOptions engine,
    TimeProvider timeProvider, ILogger<ScheduleTicker> logger) : PeriodicPass(options.ScheduleTickInterval, timeProvider)
{
    protected override async Task PassAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await schedules.FireDueAsync(engine.Holder, cancellationToken))
        {
            jobs.Enqueue(id);
            ServerLog.ScheduleFired(logger, id);
        }
    }

    protected override void PassFailed(string reason) => ServerLog.ScheduleTickFailed(logger, reason);
}
