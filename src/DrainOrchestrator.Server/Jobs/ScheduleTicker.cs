using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// The schedule ticker of this replica: every tick interval it records the occurrences that fell due. Every replica
/// ticks; the (schedule, due time) row makes each occurrence fire once across all of them, and the replica that
/// recorded a firing enqueues its instance. If that replica dies in between, the instance stays pending and the
/// workflow supervisor of any replica enqueues it.
/// </summary>
internal sealed class ScheduleTicker(ScheduleApplication schedules, WorkflowJobs jobs, ServeOptions options, DrainEngineOptions engine,
    TimeProvider timeProvider, ILogger<ScheduleTicker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ScheduleTickInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var id in await schedules.FireDueAsync(engine.Holder, cancellationToken))
            {
                jobs.Enqueue(id);
                ServerLog.ScheduleFired(logger, id);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ServerLog.ScheduleTickFailed(logger, DatabaseErrors.Describe(ex));
        }
    }
}
