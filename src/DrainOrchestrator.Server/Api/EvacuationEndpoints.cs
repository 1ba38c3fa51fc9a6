using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Evacuations;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Server.Auth;
using DrainOrchestrator.Server.Hosting;
using DrainOrchestrator.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Api;

/// <summary>
/// Evacuations (issue 15): VMs moved to another namespace of the server's cluster by decentralized live migration,
/// run as a Hangfire job on any replica; cancel, status, list and the JSON report.
/// </summary>
internal static class EvacuationEndpoints
{
    private const string Shape = "{\"sourceNamespace\": \"apps\", \"targetNamespace\": \"moved\", \"vms\": [\"web-1\"] or \"selector\": \"app=web\", "
        + "\"maxAttempts\": 3, \"keepReceiversOnFailure\": false, \"storageClass\": null}";

    public static RouteGroupBuilder MapEvacuations(this RouteGroupBuilder api)
    {
        var evacuations = api.MapGroup("/evacuations").WithTags("Evacuations");
        evacuations.MapPost("/", CreateAsync).RequireAuthorization(ApiPolicies.Operate).WithName("evacuate")
            .Accepts<EvacuationRequest>("application/json")
            .Produces<EvacuationView>(StatusCodes.Status202Accepted).Produces<EvacuationView>()
            .WithSummary("Validate, preflight (both sides) and record an evacuation of VMs to another namespace of the server's cluster, and "
                + "queue it as a job; an unfinished evacuation of the same source namespace is returned (200) instead of a second one")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        evacuations.MapPost("/{id}/cancel", CancelAsync).RequireAuthorization(ApiPolicies.Operate).WithName("cancelEvacuation")
            .Produces<EvacuationCancelOutcome>()
            .WithSummary("Cancel the evacuation; journaled with the caller. The process that owns it leaves VMs not started alone, aborts moves "
                + "not yet handed off (both VMIMs deleted), lets moves past the hand-off finish, and ends it cancelled")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        evacuations.MapGet("/", ListAsync).RequireAuthorization(ApiPolicies.Read).WithName("listEvacuations")
            .Produces<IReadOnlyList<EvacuationView>>()
            .WithSummary("Evacuations, newest first, with their VMs");
        evacuations.MapGet("/{id}", GetAsync).RequireAuthorization(ApiPolicies.Read).WithName("getEvacuation")
            .Produces<EvacuationView>()
            .WithSummary("One evacuation: its state and, per VM, from where to where, outcome and attempts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        evacuations.MapGet("/{id}/report", ReportAsync).RequireAuthorization(ApiPolicies.Read).WithName("evacuationReport")
            .Produces<EvacuationReport>(contentType: "application/json")
            .WithSummary("The evacuation's report as JSON: source and target namespace and cluster per VM, outcome, attempts, and the journal")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, EvacuationApplication app, ClusterConnection cluster, EvacuationJobs jobs,
        ILogger<EvacuationJobs> logger, CancellationToken ct)
    {
        var request = await ApiBody.ReadAsync<EvacuationRequest>(http.Request, Shape, ct);
        var spec = new EvacuationSpec(request.SourceNamespace ?? string.Empty, request.TargetNamespace ?? string.Empty, request.Vms ?? [],
            request.Selector, cluster.Target, TargetCluster: null)
        {
            MaxAttempts = request.MaxAttempts ?? Engine.Evacuate.EvacuationOptions.DefaultMaxAttempts,
            KeepReceiversOnFailure = request.KeepReceiversOnFailure ?? false,
            StorageClass = request.StorageClass,
        };
        var caller = new Caller(AuthExtensions.CallerName(http.User), "api");
        var who = caller.ToString();
        var started = await app.StartAsync(spec, caller, FrontDoor.Api, ct);
        var id = started.Evacuation.Id;
        var location = $"/api/v1/evacuations/{id:D}";
        if (started.Attached)
        {
            ServerLog.EvacuationAttached(logger, id, who);
            http.Response.Headers.Location = location;
            return TypedResults.Ok(started.Evacuation);
        }

        ServerLog.EvacuationCreated(logger, id, spec.SourceNamespace, spec.TargetNamespace, who);
        jobs.Enqueue(id);
        return TypedResults.Accepted(location, started.Evacuation);
    }

    private static async Task<IResult> CancelAsync(string id, HttpContext http, EvacuationApplication app, ILogger<EvacuationJobs> logger,
        CancellationToken ct)
    {
        var guid = ParseId(id);
        var caller = new Caller(AuthExtensions.CallerName(http.User), "api");
        var who = caller.ToString();
        var outcome = await app.CancelAsync(guid, caller, ct);
        ServerLog.EvacuationCancelRequested(logger, guid, who, outcome.Message);
        return outcome.Accepted ? TypedResults.Ok(outcome) : ApiProblems.Conflict(outcome.Message, outcome.Evacuation, "The evacuation has ended");
    }

    private static async Task<IResult> ListAsync(EvacuationApplication app, CancellationToken ct) => TypedResults.Ok(await app.ListAsync(ct));

    private static async Task<IResult> GetAsync(string id, EvacuationApplication app, CancellationToken ct) =>
        TypedResults.Ok(await app.GetAsync(ParseId(id), ct));

    private static async Task<IResult> ReportAsync(string id, EvacuationApplication app, CancellationToken ct)
    {
        var guid = ParseId(id);
        await using var json = new StringWriter();
        await app.WriteReportAsync(guid, json, ct);
        return TypedResults.Text(json.ToString(), "application/json");
    }

    // Not a uuid cannot name an evacuation: 404, as for an unknown one.
    private static Guid ParseId(string id) =>
        Guid.TryParse(id, out var guid) ? guid : throw new EvacuationNotFoundException($"no evacuation with id '{id}' (evacuations are named by their uuid)");
}
