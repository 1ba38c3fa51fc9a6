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
            // Class 22 (data exception): a value of the request the database cannot hold or compare, e.g. a NUL in a
            // query parameter; the request's fault, not an outage.
            PostgresException { SqlState: ['2', '2', ..] } data => ApiProblems.Invalid([ValueProblem(httpContext, data)]),
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

    // Names the query or route value that holds a NUL (no PostgreSQL text can), else says what the database refused.
    private static RequestProblem ValueProblem(HttpContext httpContext, PostgresException data)
    {
        foreach (var (name, values) in httpContext.Request.Query)
        {
            if (values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                return new RequestProblem(name, $"{name} holds a NUL character (%00), which no name or text here can hold: remove it");
            }
        }

        foreach (var (name, value) in httpContext.Request.RouteValues)
        {
            if (value is string text && text.Contains('\0', StringComparison.Ordinal))
            {
                return new RequestProblem(name, $"{name} holds a NUL character (%00), which no name or text here can hold: remove it");
            }
        }

        return new RequestProblem("request", $"a value of the request cannot be stored or compared ({data.MessageText}): check its characters and range");
    }
}
