using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Server.Hosting;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// One drain as a Hangfire job: runs it in this replica until it ends. Hangfire may run the job twice (a replica
/// died, a retry, the supervisor): the engine's fenced lease makes a second run wait and never act twice, and a run
/// skips at once when another replica holds the drain. On shutdown the run is cancelled, which releases the lease,
/// and the job goes back to the queue for another replica.
/// </summary>
public sealed class DrainJob
{
    private readonly DrainApplication _application;
    private readonly DrainEngineOptions _engine;
    private readonly RunningDrains _running;
    private readonly ILogger<DrainJob> _logger;

    internal DrainJob(DrainApplication application, DrainEngineOptions engine, RunningDrains running, ILogger<DrainJob> logger)
    {
        (_application, _engine, _running, _logger) = (application, engine, running, logger);
    }

    /// <summary>Runs the drain; Hangfire passes its shutdown token as <paramref name="cancellationToken"/>.</summary>
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 10, 20, 30, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid drainId, CancellationToken cancellationToken)
    {
        DrainView drain;
        try
        {
            drain = await _application.GetAsync(drainId.ToString("D"), withVms: false, cancellationToken);
        }
        catch (DrainNotFoundException)
        {
            ServerLog.JobSkipped(_logger, drainId, "the drain does not exist");
            return;
        }

        if (drain.State is DrainStatus.Succeeded or DrainStatus.Failed or DrainStatus.Cancelled)
        {
            ServerLog.JobSkipped(_logger, drainId, "the drain has ended");
            return;
        }

        // Started and not interrupted: a live engine holds its lease. If that one dies, the drain shows as interrupted
        // and this job (fetched again) or the supervisor takes it over.
        if (drain.StartedAt is not null && drain.State != DrainStatus.Interrupted)
        {
            ServerLog.JobSkipped(_logger, drainId, "another engine holds the drain");
            return;
        }

        if (!_running.TryBegin(drainId))
        {
            ServerLog.JobSkipped(_logger, drainId, "this replica runs it already");
            return;
        }

        try
        {
            ServerLog.JobRunning(_logger, drainId);
            var result = await _application.RunAsync(drainId, _engine, progress: null, cancellationToken);
            var state = result.State.ToText();
            ServerLog.JobEnded(_logger, drainId, state, result.Reason);
            if (result.State == DrainRunState.Interrupted)
            {
                // The database stayed away too long: let Hangfire try again later (the supervisor would too).
                throw new InvalidOperationException($"drain {drainId} was interrupted: {result.Reason}");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ServerLog.JobStoppedForShutdown(_logger, drainId);
            throw;
        }
        finally
        {
            _running.End(drainId);
        }
    }
}
