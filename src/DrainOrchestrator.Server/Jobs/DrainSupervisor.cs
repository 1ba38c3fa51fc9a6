using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// Every few seconds, each replica looks for unfinished drains that nobody runs: interrupted ones (started, no live
/// lease) and pending ones whose job never started, and enqueues a job for each. This bounds a take-over after a
/// replica's death by the drain lease's expiry plus this interval, whatever Hangfire's own re-fetch takes. Several
/// replicas may enqueue the same drain: the job skips a drain that a live engine holds, and the lease does the rest.
/// </summary>
internal sealed class DrainSupervisor(DrainApplication application, DrainJobs jobs, RunningDrains running, ServeOptions options,
    TimeProvider timeProvider, WallClock wall, ILogger<DrainSupervisor> logger) : PeriodicPass(options.SupervisorInterval, timeProvider)
{
    // A pending drain gets this long for the job enqueued at its creation to start: since its creation (the engine's
    // clock) and since this replica first saw it pending (its own clock, which Hangfire's fetch keeps).
    private static readonly TimeSpan PendingGrace = TimeSpan.FromSeconds(30);
    private readonly RecentEnqueues _enqueued = new(options.JobInvisibilityTimeout);
    private readonly PendingSightings _pending = new(PendingGrace, wall.Time);

    protected override async Task PassAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var unfinished = await application.UnfinishedAsync(cancellationToken);
        _enqueued.KeepOnly(unfinished.Select(d => d.Id));
        _pending.KeepOnly(unfinished.Where(NeverStarted).Select(d => d.Id));
        foreach (var drain in unfinished)
        {
            var seenLately = NeverStarted(drain) && _pending.Recent(drain.Id);
            var orphaned = drain.State == DrainStatus.Interrupted
                || (NeverStarted(drain) && now - drain.CreatedAt > PendingGrace && !seenLately);
            if (!orphaned || running.Contains(drain.Id) || _enqueued.Recently(drain.Id, now))
            {
                continue;
            }

            jobs.Enqueue(drain.Id);
            _enqueued.Add(drain.Id, now);
            var state = drain.State.ToString().ToLowerInvariant();
            ServerLog.SupervisorEnqueued(logger, drain.Id, state);
        }
    }

    protected override void PassFailed(string reason) => ServerLog.SupervisorFailed(logger, reason);

    private static bool NeverStarted(DrainView drain) => drain.StartedAt is null && drain.RecordedState == DrainState.Pending.ToDatabase();
}
