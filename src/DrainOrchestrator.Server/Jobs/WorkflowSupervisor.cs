using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// Every supervisor interval, each replica looks for unfinished workflow instances that no live process holds: one
/// whose runner died (its lease expired), one waiting paused or for an approval after a restart, and a pending one
/// whose job never started; it enqueues a job for each. Several replicas may enqueue the same instance: the job leaves
/// an instance that a live process holds, and the instance lease does the rest.
/// </summary>
internal sealed class WorkflowSupervisor(WorkflowApplication workflows, WorkflowJobs jobs, RunningWorkflows running, ServeOptions options,
    TimeProvider timeProvider, WallClock wall, ILogger<WorkflowSupervisor> logger) : PeriodicPass(options.SupervisorInterval, timeProvider)
{
    // A pending instance gets this long for the job enqueued at its start (or at the firing that resumed it) to begin:
    // since it became pending (the engine's clock) and since this replica first saw it pending (its own clock, which
    // Hangfire's fetch keeps; see PendingSightings).
    private static readonly TimeSpan PendingGrace = TimeSpan.FromSeconds(10);
    private readonly RecentEnqueues _enqueued = new(options.JobInvisibilityTimeout);
    private readonly PendingSightings _pending = new(PendingGrace, wall.Time);

    protected override async Task PassAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var unattended = await workflows.UnattendedAsync(cancellationToken);
        _enqueued.KeepOnly(unattended.Select(i => i.Id));
        _pending.KeepOnly(unattended.Where(i => i.PendingSince is not null).Select(i => i.Id));
        foreach (var instance in unattended)
        {
            // A pending instance, new or resumed by its schedule's next occurrence, waits for the job its start or
            // firing enqueued.
            var seenLately = instance.PendingSince is not null && _pending.Recent(instance.Id);
            var fresh = instance.PendingSince is { } since && (now - since < PendingGrace || seenLately);
            if (fresh || running.Contains(instance.Id) || _enqueued.Recently(instance.Id, now))
            {
                continue;
            }

            jobs.Enqueue(instance.Id);
            _enqueued.Add(instance.Id, now);
            ServerLog.WorkflowSupervisorEnqueued(logger, instance.Id, instance.Name, instance.State);
        }
    }

    protected override void PassFailed(string reason) => ServerLog.SupervisorFailed(logger, reason);
}
