using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Journal;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Server.Auth;
using DrainOrchestrator.Server.Hosting;
using DrainOrchestrator.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Api;

/// <summary>
/// Workflow instances: validate or plan a file, start one (run as a job by any replica), list, show with its journal,
/// approve, pause, resume, cancel.
/// </summary>
internal static class WorkflowEndpoints
{
    private const string FileShape = """{"fileName": "maintenance-window.yaml", "text": "apiVersion: ...", "parameters": {"nodes": "a,b"}}""";

    public static RouteGroupBuilder MapWorkflows(this RouteGroupBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflows");
        workflows.MapPost("/validate", ValidateAsync).RequireAuthorization(ApiPolicies.Read)
            .Accepts<WorkflowFileRequest>("application/json").Produces<WorkflowSummary>()
            .WithSummary("Check a workflow file's text: 200 with what it defines, or 422 with every problem at file:line:column")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workflows.MapPost("/plan", PlanAsync).RequireAuthorization(ApiPolicies.Read)
            .Accepts<WorkflowFileRequest>("application/json").Produces<WorkflowPlanView>()
            .WithSummary("Forecast the workflow's drains batch by batch on the cluster as it is, nothing started: the same body as a start; names the VMs that will move twice and why")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        workflows.MapPost("/", StartAsync).RequireAuthorization(ApiPolicies.Operate)
            .Accepts<WorkflowFileRequest>("application/json").Produces<WorkflowView>(StatusCodes.Status202Accepted)
            .WithSummary("Validate the file with the parameters, record an instance pinning its text, and run it as a job; nothing starts on an invalid file")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        workflows.MapGet("/", ListAsync).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("Workflow instances with their steps, newest first: unfinished ones unless all=true");
        workflows.MapGet("/{id}", GetAsync).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("One instance by id or name, with every step run").ProducesProblem(StatusCodes.Status404NotFound);
        workflows.MapGet("/{id}/journal", JournalAsync).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The instance's journal, oldest first: state changes, steps, approvals, gates, hooks, drains; withDrains=true adds each drain's events after its start")
            .ProducesProblem(StatusCodes.Status404NotFound);
        workflows.MapPost("/{id}/approve", ApproveAsync).RequireAuthorization(ApiPolicies.Operate)
            .Accepts<ApprovalRequest>("application/json")
            .WithSummary("Approve a waiting approval step; recorded with the caller, and the instance goes on")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var (path, to) in new[] { ("pause", "paused"), ("resume", "running"), ("cancel", "cancelled") })
        {
            workflows.MapPost("/{id}/" + path, (string id, HttpContext http, WorkflowApplication app, WorkflowJobs jobs, CancellationToken ct) =>
                    SignalAsync(id, to, http, app, jobs, ct))
                .RequireAuthorization(ApiPolicies.Operate).WithName(path + "Workflow")
                .WithSummary($"{char.ToUpperInvariant(path[0])}{path[1..]} the instance; 409 when it has ended")
                .Produces<WorkflowSignalOutcome>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }

        return api;
    }

    private static async Task<Ok<WorkflowSummary>> ValidateAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await ReadFileAsync(request, ct);
        var source = new WorkflowSource(body.FileName!, body.Text!);
        var (definition, problems) = source.Validate(body.Parameters);
        return definition is null ? throw new InvalidWorkflowException(problems) : TypedResults.Ok(WorkflowSummary.Of(source.FileName, definition));
    }

    private static async Task<Ok<WorkflowPlanView>> PlanAsync(HttpRequest request, WorkflowApplication app, CancellationToken ct)
    {
        var body = await ReadFileAsync(request, ct);
        return TypedResults.Ok(app.Plan(new WorkflowSource(body.FileName!, body.Text!), body.Parameters ?? new Dictionary<string, string>()));
    }

    private static async Task<Accepted<WorkflowView>> StartAsync(HttpContext http, WorkflowApplication app, WorkflowJobs jobs, ILogger<WorkflowJobs> logger,
        CancellationToken ct)
    {
        var body = await ReadFileAsync(http.Request, ct);
        var caller = new Caller(AuthExtensions.CallerName(http.User), "api");
        var started = await app.StartAsync(new WorkflowSource(body.FileName!, body.Text!), body.Parameters ?? new Dictionary<string, string>(),
            caller, body.Name, ct);
        var who = caller.ToString();
        ServerLog.WorkflowCreated(logger, started.Id, who);
        jobs.Enqueue(started.Id);
        return TypedResults.Accepted($"/api/v1/workflows/{started.Id:D}", started);
    }

    private static async Task<Ok<IReadOnlyList<WorkflowView>>> ListAsync(WorkflowApplication app, bool? all, CancellationToken ct) =>
        TypedResults.Ok(await app.ListAsync(activeOnly: all != true, ct));

    private static async Task<Ok<WorkflowView>> GetAsync(string id, WorkflowApplication app, CancellationToken ct) =>
        TypedResults.Ok(await app.GetAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<JournalEventView>>> JournalAsync(string id, WorkflowApplication app, bool? withDrains, CancellationToken ct) =>
        TypedResults.Ok(await app.JournalAsync(id, withDrains == true, ct));

    private static async Task<Ok<ApprovalOutcome>> ApproveAsync(string id, HttpContext http, WorkflowApplication app, WorkflowJobs jobs, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ApprovalRequest>(http.Request, """{"step": "work-done"}""", ct);
        var missing = ApiBody.Required(("step", body.Step, "the approval step waiting, its key (service[0]/work-done) or id")).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidRequestException(missing);
        }

        var message = await app.ApproveAsync(id, body.Step!, new Caller(AuthExtensions.CallerName(http.User), "api"), ct);
        await jobs.EnqueueUnlessHeldAsync((await app.GetAsync(id, ct)).Id, ct);
        return TypedResults.Ok(new ApprovalOutcome(message));
    }

    private static async Task<IResult> SignalAsync(string id, string to, HttpContext http, WorkflowApplication app, WorkflowJobs jobs, CancellationToken ct)
    {
        var outcome = await app.SendAsync(id, to, new Caller(AuthExtensions.CallerName(http.User), "api"), ct);
        if (!outcome.Accepted)
        {
            return ApiProblems.Conflict(outcome.Message, outcome.Instance, "The workflow instance has ended");
        }

        if (to == "running")
        {
            await jobs.EnqueueUnlessHeldAsync(outcome.Instance.Id, ct);
        }

        return TypedResults.Ok(outcome);
    }

    private static async Task<WorkflowFileRequest> ReadFileAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<WorkflowFileRequest>(request, FileShape, ct);
        var missing = ApiBody.Required(("fileName", body.FileName, "the workflow file's name, which problems are reported in"),
            ("text", body.Text, "the workflow file's YAML text")).ToList();
        return missing.Count > 0 ? throw new InvalidRequestException(missing) : body;
    }
}
