using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// Every supervisor interval, each replica looks for unfinished workflow instances that no live process holds: one
/// whose runner died (its lease expired), one waiting paused or for an approval after a restart, and a pending one
/// whose job never started; it enqueues a job for each. Several replicas may enqueue the same instance: the job leaves
/// an instance that a live process holds, and the instance lease does the rest.
/// </summary>
internal sealed class WorkflowSupervisor(WorkflowApplication workflows, WorkflowJobs jobs, RunningWorkflows running, ServeOptions options,
    TimeProvider timeProvider, ILogger<WorkflowSupervisor> logger) : BackgroundService
{
    // A pending instance gets this long for the job enqueued at its start (or at the firing that resumed it) to begin.
    private static readonly TimeSpan PendingGrace = TimeSpan.FromSeconds(10);
    private readonly Dictionary<Guid, DateTimeOffset> _enqueued = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SupervisorInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PassAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = timeProvider.GetUtcNow();
            var unattended = await workflows.UnattendedAsync(cancellationToken);
            // Forget the instances that are held or ended now, so the memory stays as small as the backlog.
            foreach (var gone in _enqueued.Keys.Except(unattended.Select(i => i.Id)).ToList())
            {
                _enqueued.Remove(gone);
            }

            foreach (var instance in unattended)
            {
                // A pending instance, new or resumed by its schedule's next occurrence, waits for the job its start or
                // firing enqueued.
                var fresh = instance.PendingSince is { } since && now - since < PendingGrace;
                // Not again within a job's invisibility: the job enqueued last time may still be on its way.
                if (fresh || running.Contains(instance.Id)
                    || (_enqueued.TryGetValue(instance.Id, out var at) && now - at < options.JobInvisibilityTimeout))
                {
                    continue;
                }

                jobs.Enqueue(instance.Id);
                _enqueued[instance.Id] = now;
                ServerLog.WorkflowSupervisorEnqueued(logger, instance.Id, instance.Name, instance.State);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ServerLog.SupervisorFailed(logger, DatabaseErrors.Describe(ex));
        }
    }
}
