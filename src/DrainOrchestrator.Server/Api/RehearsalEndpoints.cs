using DrainOrchestrator.Server.Auth;
using DrainOrchestrator.Server.Hosting;
using DrainOrchestrator.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Api;

/// <summary>
/// Rehearsals (issue 19, docs/rehearsal.md): a drain of a snapshot's nodes run by the real engine against a private
/// drain-sim on a replica's worker, touching no cluster; the result is read back by id.
/// </summary>
internal static class RehearsalEndpoints
{
    public static RouteGroupBuilder MapRehearsals(this RouteGroupBuilder api)
    {
        var rehearsals = api.MapGroup("/rehearsals").WithTags("Rehearsals");
        rehearsals.MapPost("/", CreateAsync).RequireAuthorization(ApiPolicies.Operate).WithName("rehearse")
            .Accepts<RehearsalRequest>("application/json").Produces<RehearsalView>(StatusCodes.Status202Accepted)
            .WithSummary("Queue a rehearsal of a drain on a snapshot (drainctl snapshot): a private drain-sim and PostgreSQL on a worker, "
                + "the real engine in cluster time; touches no cluster. Poll the Location for the result")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        rehearsals.MapGet("/{id}", Get).RequireAuthorization(ApiPolicies.Read).WithName("getRehearsal")
            .WithSummary("A rehearsal: its state, and its result once it ran (kept a day after it ended)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        rehearsals.MapDelete("/{id}", Cancel).RequireAuthorization(ApiPolicies.Operate).WithName("cancelRehearsal")
            .Produces<RehearsalView>(StatusCodes.Status202Accepted)
            .WithSummary("Cancel a queued or running rehearsal: its private drain-sim and PostgreSQL are stopped and their files deleted")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, RehearsalJobs jobs, ILogger<RehearsalJobs> logger, CancellationToken ct)
    {
        var caller = AuthExtensions.CallerName(http.User);
        var order = await RehearsalRequestReader.ReadAsync(http.Request, caller, ct);
        var id = jobs.Enqueue(order);
        var nodes = string.Join(",", order.Nodes);
        ServerLog.RehearsalAccepted(logger, id, nodes, caller);
        return TypedResults.Accepted($"/api/v1/rehearsals/{id}", jobs.Find(id));
    }

    private static IResult Get(string id, RehearsalJobs jobs) =>
        jobs.Find(id) is { } rehearsal ? TypedResults.Ok(rehearsal) : NotFound(id);

    private static IResult Cancel(string id, RehearsalJobs jobs)
    {
        if (jobs.Find(id) is not { } rehearsal)
        {
            return NotFound(id);
        }

        var ended = rehearsal.State is "succeeded" or "failed" or "cancelled";
        var cancelled = !ended && jobs.Cancel(id);
        // Read again: a cancel shows as cancelled; a refused one means the rehearsal ended meanwhile.
        var now = ended ? rehearsal : jobs.Find(id) ?? rehearsal;
        return cancelled
            ? TypedResults.Accepted($"/api/v1/rehearsals/{id}", now)
            : ApiProblems.Conflict($"rehearsal {id} has ended ({now.State}); there is nothing to cancel", now, "The rehearsal has ended");
    }

    private static IResult NotFound(string id) => ApiProblems.NotFound($"no rehearsal with id '{id}' (finished rehearsals are kept for a day)");
}
