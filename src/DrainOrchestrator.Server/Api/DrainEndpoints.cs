using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Server.Auth;
using DrainOrchestrator.Server.Hosting;
using DrainOrchestrator.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Api;

/// <summary>Drains: create, list, get, pause, resume, cancel and journal (the report: <see cref="ReportEndpoints"/>).</summary>
internal static class DrainEndpoints
{
    public static RouteGroupBuilder MapDrains(this RouteGroupBuilder api)
    {
        var drains = api.MapGroup("/drains").WithTags("Drains");
        drains.MapPost("/", CreateAsync).RequireAuthorization(ApiPolicies.Operate)
            .Accepts<DrainRequest>("application/json")
            .Produces<DrainView>(StatusCodes.Status202Accepted).Produces<DrainView>()
            .WithSummary("Validate, record and start a drain; a retry with the same Idempotency-Key returns the first drain")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        drains.MapGet("/", ListAsync).RequireAuthorization(ApiPolicies.Read).WithSummary("Drains, newest first, a page at a time")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        drains.MapGet("/{id}", GetAsync).RequireAuthorization(ApiPolicies.Read).WithSummary("One drain by id or name, with per-node and per-VM progress")
            .ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var (path, signal) in new[] { ("pause", DrainSignal.Pause), ("resume", DrainSignal.Resume), ("cancel", DrainSignal.Cancel) })
        {
            drains.MapPost("/{id}/" + path, (string id, HttpContext http, DrainApplication app, CancellationToken ct) => SignalAsync(id, signal, http, app, ct))
                .RequireAuthorization(ApiPolicies.Operate).WithName(path + "Drain").WithSummary($"{signal} the drain; journaled with the caller")
                .Produces<SignalOutcome>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }

        drains.MapMoveBack();
        drains.MapGet("/{id}/journal", JournalAsync).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The drain's journal events after a sequence number").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    // 202 for a new drain, accepted for running; 200 for one that existed (the same key's, or the same nodes' unfinished one).
    private static async Task<IResult> CreateAsync(HttpContext http, DrainApplication app, DrainJobs jobs,
        ILogger<DrainJobs> logger, CancellationToken ct)
    {
        var door = DrainRequestReader.Door(http.Request);
        var spec = await DrainRequestReader.ReadAsync(http.Request, app, plan: false, ct);
        var caller = new Caller(AuthExtensions.CallerName(http.User), "api");
        var started = await app.StartAsync(spec, caller, door, ct);
        if (!started.Attached)
        {
            var who = caller.ToString();
            ServerLog.DrainCreated(logger, started.Drain.Id, who);
            jobs.Enqueue(started.Drain.Id);
        }

        var location = $"/api/v1/drains/{started.Drain.Id:D}";
        if (started.Attached)
        {
            http.Response.Headers.Location = location;
            return TypedResults.Ok(started.Drain);
        }

        return TypedResults.Accepted(location, started.Drain);
    }

    private static async Task<Ok<DrainPage>> ListAsync(DrainApplication app, string? state, string? node, bool? active, int? limit, string? after,
        CancellationToken ct)
    {
        DrainStatus? status = null;
        if (state is not null)
        {
            status = Enum.TryParse<DrainStatus>(state, ignoreCase: true, out var s) && !int.TryParse(state, out _)
                ? s
                : throw new InvalidRequestException([new RequestProblem("state",
                    $"state must be one of {string.Join(", ", Enum.GetNames<DrainStatus>().Select(n => n.ToLowerInvariant()))}, was '{state}'")]);
        }

        return TypedResults.Ok(await app.ListAsync(new DrainListQuery(status, node, active ?? false, limit ?? 50, after), ct));
    }

    private static async Task<Ok<DrainView>> GetAsync(string id, DrainApplication app, bool? vms, CancellationToken ct) =>
        TypedResults.Ok(await app.GetAsync(id, vms ?? true, ct));

    private static async Task<IResult> SignalAsync(string id, DrainSignal signal, HttpContext http, DrainApplication app, CancellationToken ct)
    {
        var outcome = await app.SignalAsync(id, signal, new Caller(AuthExtensions.CallerName(http.User), "api"), ct);
        return outcome.Accepted ? TypedResults.Ok(outcome) : ApiProblems.Conflict(outcome.Message, outcome.Drain);
    }

    private static async Task<Ok<JournalPage>> JournalAsync(string id, DrainApplication app, long? after, int? limit, CancellationToken ct)
    {
        var take = limit ?? 500;
        if (take is < 1 or > 10_000 || after is < 0)
        {
            throw new InvalidRequestException([.. new[]
            {
                take is < 1 or > 10_000 ? new RequestProblem("limit", $"limit must be between 1 and 10000, was {take}") : null,
                after is < 0 ? new RequestProblem("after", $"after must be a sequence number of 0 or more, was {after}") : null,
            }.OfType<RequestProblem>()]);
        }

        var items = await app.JournalAsync(id, after ?? 0, take, ct);
        return TypedResults.Ok(new JournalPage(items, items.Count == take ? items[^1].Seq : null));
    }
}
