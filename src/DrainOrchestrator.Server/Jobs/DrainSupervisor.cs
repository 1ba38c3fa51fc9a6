using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// Every few seconds, each replica looks for unfinished drains that nobody runs: interrupted ones (started, no live
/// lease) and pending ones whose job never started, and enqueues a job for each. This bounds a take-over after a
/// replica's death by the drain lease's expiry plus this interval, whatever Hangfire's own re-fetch takes. Several
/// replicas may enqueue the same drain: the job skips a drain that a live engine holds, and the lease does the rest.
/// </summary>
internal sealed class DrainSupervisor(DrainApplication application, DrainJobs jobs, RunningDrains running, ServeOptions options,
    TimeProvider timeProvider, ILogger<DrainSupervisor> logger) : BackgroundService
{
    // A pending drain gets this long for the job enqueued at its creation to start.
    private static readonly TimeSpan PendingGrace = TimeSpan.FromSeconds(30);
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
            foreach (var drain in await application.UnfinishedAsync(cancellationToken))
            {
                var orphaned = drain.State == DrainStatus.Interrupted
                    || (drain.StartedAt is null && drain.RecordedState == DrainState.Pending.ToDatabase() && now - drain.CreatedAt > PendingGrace);
                // Not again within a lease's life: the job enqueued last time may still be on its way.
                if (!orphaned || running.Contains(drain.Id)
                    || (_enqueued.TryGetValue(drain.Id, out var at) && now - at < options.JobInvisibilityTimeout))
                {
                    continue;
                }

                jobs.Enqueue(drain.Id);
                _enqueued[drain.Id] = now;
                var state = drain.State.ToString().ToLowerInvariant();
                ServerLog.SupervisorEnqueued(logger, drain.Id, state);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ServerLog.SupervisorFailed(logger, DatabaseErrors.Describe(ex));
        }
    }
}
