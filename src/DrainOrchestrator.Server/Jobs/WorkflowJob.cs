using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Server.Hosting;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// One workflow instance as a Hangfire job: runs it in this replica until it ends (waits for approvals, alerts and
/// soaks included). Hangfire may run the job twice (a replica died, a retry, the supervisor): the instance lease makes
/// a second run find the holder alive and leave, or outwait a dead one and take over where the steps recorded it.
/// On shutdown the run is cancelled, which releases the lease, and the job goes back to the queue for another replica.
/// </summary>
public sealed class WorkflowJob
{
    /// <summary>The name of the HTTP client that hooks, notifications and alert gates use.</summary>
    public const string HttpClientName = "workflow-steps";

    private readonly WorkflowApplication _workflows;
    private readonly DrainEngineOptions _engine;
    private readonly RunningWorkflows _running;
    private readonly IHttpClientFactory _http;
    private readonly ILogger<WorkflowJob> _logger;

    internal WorkflowJob(WorkflowApplication workflows, DrainEngineOptions engine, RunningWorkflows running, IHttpClientFactory http, ILogger<WorkflowJob> logger)
    {
        (_workflows, _engine, _running, _http, _logger) = (workflows, engine, running, http, logger);
    }

    /// <summary>Runs the instance; Hangfire passes its shutdown token as <paramref name="cancellationToken"/>.</summary>
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 10, 20, 30, 60], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        WorkflowView instance;
        try
        {
            instance = await _workflows.GetAsync(instanceId.ToString("D"), cancellationToken);
        }
        catch (DrainNotFoundException)
        {
            ServerLog.WorkflowJobSkipped(_logger, instanceId, "the instance does not exist");
            return;
        }

        if (instance.State is "succeeded" or "failed" or "cancelled")
        {
            ServerLog.WorkflowJobSkipped(_logger, instanceId, "the instance has ended");
            return;
        }

        if (!_running.TryBegin(instanceId))
        {
            ServerLog.WorkflowJobSkipped(_logger, instanceId, "this replica runs it already");
            return;
        }

        try
        {
            ServerLog.WorkflowJobRunning(_logger, instanceId, instance.Name);
            var after = await _workflows.RunAsync(instanceId, _engine, _http.CreateClient(HttpClientName), progress: null, waits: null, cancellationToken);
            ServerLog.WorkflowJobEnded(_logger, instanceId, after.State, after.OutcomeReason ?? after.WaitingFor ?? "another replica holds it");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ServerLog.WorkflowJobStoppedForShutdown(_logger, instanceId);
            throw;
        }
        finally
        {
            _running.End(instanceId);
        }
    }
}
