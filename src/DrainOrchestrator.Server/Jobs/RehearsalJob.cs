using DrainOrchestrator.Application.Rehearsals;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Persistence.Secrets;
using DrainOrchestrator.Server.Hosting;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// One rehearsal as a Hangfire job: writes the scenario to an owner-only file, runs the rehearsal (a private drain-sim
/// and PostgreSQL on this replica, the real engine in cluster time) and returns its JSON document, which Hangfire keeps
/// as the job's result. It touches no cluster and no drain; a rehearsal that cannot run fails the job with one line an
/// operator can act on, and is not retried (the same request would fail the same way, or the caller decides).
/// </summary>
public sealed class RehearsalJob
{
    private readonly RehearsalApplication _application;
    private readonly ILogger<RehearsalJob> _logger;

    internal RehearsalJob(RehearsalApplication application, ILogger<RehearsalJob> logger) => (_application, _logger) = (application, logger);

    /// <summary>Runs the rehearsal of <paramref name="order"/> (<see cref="RehearsalOrder"/>'s JSON); Hangfire cancels <paramref name="cancellationToken"/> on delete or shutdown.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<string> RunAsync(string order, CancellationToken cancellationToken)
    {
        var accepted = RehearsalOrder.FromJson(order);
        var file = Path.Combine(Path.GetTempPath(), $"drain-rehearsal-{Guid.NewGuid():N}.yaml");
        try
        {
            // A snapshot names the cluster's machines and tenants: nobody else on the worker may read it.
            await PrivateFile.WriteAsync(file, accepted.Scenario, cancellationToken);
            var nodes = string.Join(",", accepted.Nodes);
            ServerLog.RehearsalRunning(_logger, nodes, accepted.Speed);
            var result = await _application.RunAsync(accepted.ToRequest(file), FrontDoor.Api, cancellationToken);
            ServerLog.RehearsalEnded(_logger, nodes, result.State, result.Reason);
            return RehearsalDocument.From(result).ToJsonString();
        }
        catch (InvalidRequestException ex)
        {
            throw new RehearsalJobException(string.Join("; ", ex.Problems.Select(p => p.Message)));
        }
        catch (Exception ex) when (RehearsalFailure.Describe(ex) is { } failure)
        {
            throw new RehearsalJobException(failure.Message, ex);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>A rehearsal that could not run; its message is what <c>GET /api/v1/rehearsals/{id}</c> shows as the error.</summary>
public sealed class RehearsalJobException(string message, Exception? inner = null) : Exception(message, inner);
