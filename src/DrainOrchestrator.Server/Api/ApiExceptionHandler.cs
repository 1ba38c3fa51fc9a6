using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Evacuations;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Server.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Server.Api;

/// <summary>Turns the application layer's errors into problem documents; anything else is a logged 500.</summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger, ServeOptions options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            InvalidWorkflowException workflow => ApiProblems.InvalidWorkflow(workflow.WorkflowProblems),
            RequestConflictException conflict => ApiProblems.StateConflict(conflict.Problems),
            InvalidRequestException invalid => ApiProblems.Invalid(invalid.Problems),
            DrainNotFoundException missing => ApiProblems.NotFound(missing.Message),
            EvacuationNotFoundException missing => ApiProblems.NotFound(missing.Message),
            ClusterUnavailableException cluster => ApiProblems.Unavailable(cluster.Message, cluster.IsRetryable),
            // A NUL in a query or route value, which no PostgreSQL text holds (22021): the request's fault, not an outage.
            // Any other data exception is the server's, and stays a logged 500.
            PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire } when NulValue(httpContext) is { } nul
                => ApiProblems.Invalid([nul]),
            NpgsqlException db => ApiProblems.Unavailable("the database is unavailable: " + db.Message, db.IsTransient),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblems.TooLarge(options.Limits.MaxRequestBodyBytes),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad => ApiProblems.Invalid([BindingProblem.Of(bad)]),
            _ => null,
        };
        if (result is null)
        {
            ServerLog.RequestFailed(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
            return false;
        }

        if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status503ServiceUnavailable })
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    // The query or route value that holds a NUL, named; null when none does.
    private static RequestProblem? NulValue(HttpContext httpContext)
    {
        var named = httpContext.Request.Query.Where(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)).Select(q => q.Key)
            .Concat(httpContext.Request.RouteValues.Where(r => r.Value is string text && text.Contains('\0', StringComparison.Ordinal)).Select(r => r.Key))
            .FirstOrDefault();
        return named is null ? null : new RequestProblem(named, $"{named} holds a NUL character (%00), which no name or text here can hold: remove it");
    }
}
