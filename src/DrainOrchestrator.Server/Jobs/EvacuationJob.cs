using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Evacuations;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Server.Hosting;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// One evacuation as a Hangfire job: runs (or resumes) it on the server's cluster until it ends. Hangfire may run the
/// job twice (a replica died, a retry): the evacuation's fenced lease makes the second run adopt what the first created
/// and never act twice. On shutdown the run is cancelled and the job goes back to the queue for another replica.
/// </summary>
public sealed class EvacuationJob
{
    private readonly EvacuationApplication _application;
    private readonly ClusterTarget _cluster;
    private readonly DrainEngineOptions _engine;
    private readonly ILogger<EvacuationJob> _logger;

    internal EvacuationJob(EvacuationApplication application, ClusterTarget cluster, DrainEngineOptions engine, ILogger<EvacuationJob> logger)
    {
        (_application, _cluster, _engine, _logger) = (application, cluster, engine, logger);
    }

    /// <summary>Runs the evacuation; Hangfire passes its shutdown token as <paramref name="cancellationToken"/>.</summary>
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 10, 20, 30, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid evacuationId, CancellationToken cancellationToken)
    {
        EvacuationView evacuation;
        try
        {
            evacuation = await _application.GetAsync(evacuationId, cancellationToken);
        }
        catch (EvacuationNotFoundException)
        {
            ServerLog.EvacuationJobSkipped(_logger, evacuationId, "the evacuation does not exist");
            return;
        }

        if (evacuation.State is not ("running" or "cancelling"))
        {
            var reason = $"the evacuation has ended ({evacuation.State})";
            ServerLog.EvacuationJobSkipped(_logger, evacuationId, reason);
            return;
        }

        try
        {
            ServerLog.EvacuationJobRunning(_logger, evacuationId);
            var result = await _application.RunAsync(evacuationId, _cluster, null, _engine, progress: null, cancellationToken);
            var moved = result.Vms.Count(v => v.Outcome == "succeeded");
            ServerLog.EvacuationJobEnded(_logger, evacuationId, result.State, moved, result.Vms.Count, result.Error ?? "-");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ServerLog.EvacuationJobStopped(_logger, evacuationId);
            throw;
        }
    }
}
