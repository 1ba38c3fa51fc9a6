using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Server.Auth;
using DrainOrchestrator.Server.Hosting;
using DrainOrchestrator.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Api;

/// <summary>A drain's move-back: a new drain-like run that returns the drain's VMs to their original nodes (docs/moveback.md).</summary>
internal static class MoveBackEndpoints
{
    public static RouteGroupBuilder MapMoveBack(this RouteGroupBuilder drains)
    {
        drains.MapPost("/{id}/moveback", CreateAsync).RequireAuthorization(ApiPolicies.Operate).WithName("moveBackDrain")
            .Produces<DrainView>(StatusCodes.Status202Accepted).Produces<DrainView>()
            .WithSummary("Start a move-back of the drain: each VM it moved returns to its original node when that node is back and has room; "
                + "200 with the unfinished move-back of the drain when there is one; 409 while the drain has not ended")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return drains;
    }

    // 202 for a new move-back, accepted for running; 200 for the drain's unfinished one.
    private static async Task<IResult> CreateAsync(string id, HttpContext http, DrainApplication app, DrainJobs jobs,
        ILogger<DrainJobs> logger, CancellationToken ct)
    {
        // It takes nothing: a body (a policy, a window) would be silently ignored, so it is refused instead.
        using (var reader = new StreamReader(http.Request.Body))
        {
            var body = (await reader.ReadToEndAsync(ct)).Trim();
            if (body.Length > 0 && body != "{}")
            {
                return ApiProblems.Invalid([new RequestProblem("body",
                    "a move-back takes no body (it runs under the drain's own policy and limits): send none, or {}")]);
            }
        }

        var caller = new Caller(AuthExtensions.CallerName(http.User), "api");
        var started = await app.MoveBackAsync(id, caller, ct);
        var location = $"/api/v1/drains/{started.Drain.Id:D}";
        if (started.Attached)
        {
            http.Response.Headers.Location = location;
            return TypedResults.Ok(started.Drain);
        }

        var who = caller.ToString();
        ServerLog.MoveBackCreated(logger, started.Drain.Id, id, who);
        jobs.Enqueue(started.Drain.Id);
        return TypedResults.Accepted(location, started.Drain);
    }
}
