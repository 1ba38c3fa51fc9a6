using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Server.Auth;
using DrainOrchestrator.Workflows.Parsing;
using DrainOrchestrator.Workflows.Schedules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DrainOrchestrator.Server.Api;

/// <summary>Schedules: create, list, delete, next windows (stored or given), and recorded firings. Every replica fires them.</summary>
internal static class ScheduleEndpoints
{
    public static RouteGroupBuilder MapSchedules(this RouteGroupBuilder api)
    {
        var schedules = api.MapGroup("/schedules").WithTags("Schedules");
        schedules.MapPost("/", CreateAsync).RequireAuthorization(ApiPolicies.Operate)
            .Accepts<ScheduleRequest>("application/json").Produces<ScheduleView>(StatusCodes.Status201Created)
            .WithSummary("Store a schedule that starts the workflow (definition and parameters pinned) at each of its windows")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        schedules.MapGet("/", ListAsync).RequireAuthorization(ApiPolicies.Read).WithSummary("Stored schedules with their next window");
        schedules.MapGet("/next", NextOfQuery).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The next windows of a schedule given by cron, timeZone, duration (e.g. 4h) and exclude (repeatable), in local time and UTC")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        schedules.MapGet("/{name}/next", NextAsync).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("The next windows of a stored schedule, in its local time and UTC").ProducesProblem(StatusCodes.Status404NotFound);
        schedules.MapGet("/{name}/firings", FiringsAsync).RequireAuthorization(ApiPolicies.Read)
            .WithSummary("Every recorded occurrence: fired (with its workflow instance) or skipped (with why)").ProducesProblem(StatusCodes.Status404NotFound);
        schedules.MapDelete("/{name}", DeleteAsync).RequireAuthorization(ApiPolicies.Operate)
            .WithSummary("Retire a schedule; its recorded occurrences stay, its name is free again; 409 while an instance of it is suspended until its next window")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Created<ScheduleView>> CreateAsync(HttpContext http, ScheduleApplication schedules, ClusterConnection cluster, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ScheduleRequest>(http.Request,
            """{"name": "weekly", "fileName": "maintenance-window.yaml", "text": "apiVersion: ...", "parameters": {"nodes": "a,b"}}""", ct);
        var missing = ApiBody.Required(("name", body.Name, "the schedule's unique name"),
            ("fileName", body.FileName, "the workflow file's name, which problems are reported in"), ("text", body.Text, "the workflow file's YAML text")).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidRequestException(missing);
        }

        var created = await schedules.CreateAsync(body.Name!, new WorkflowSource(body.FileName!, body.Text!), cluster,
            body.Parameters ?? new Dictionary<string, string>(), new Caller(AuthExtensions.CallerName(http.User), "api"), ct);
        return TypedResults.Created($"/api/v1/schedules/{Uri.EscapeDataString(created.Name)}", created);
    }

    private static async Task<Ok<IReadOnlyList<ScheduleView>>> ListAsync(ScheduleApplication schedules, CancellationToken ct) =>
        TypedResults.Ok(await schedules.ListAsync(ct));

    private static async Task<Ok<ScheduleWindows>> NextAsync(string name, ScheduleApplication schedules, string? after, int? count, CancellationToken ct) =>
        TypedResults.Ok(await schedules.NextAsync(name, After(after), count ?? 5, ct));

    private static Ok<ScheduleWindows> NextOfQuery(string? cron, string? timeZone, string? duration, string[]? exclude, string? after, int? count,
        TimeProvider time)
    {
        var problems = new List<RequestProblem>();
        var length = DurationText.Parse(duration ?? "1h");
        if (length is null)
        {
            problems.Add(new RequestProblem("duration", $"duration must be a duration such as 90s, 5m, 1h30m or 2d, was '{duration}'"));
        }

        if (count is < 1 or > 1000)
        {
            problems.Add(new RequestProblem("count", $"count must be between 1 and 1000, was {count}"));
        }

        DateTimeOffset? from = null;
        try
        {
            from = After(after);
        }
        catch (InvalidRequestException ex)
        {
            problems.AddRange(ex.Problems);
        }

        ScheduleDefinition? schedule = null;
        try
        {
            schedule = new ScheduleQuery(cron ?? string.Empty, timeZone ?? string.Empty, length ?? TimeSpan.FromHours(1), exclude ?? []).ToSchedule(FrontDoor.Api);
        }
        catch (InvalidRequestException ex)
        {
            problems.InsertRange(0, ex.Problems);
        }

        return problems.Count > 0 || schedule is null ? throw new InvalidRequestException(problems)
            : TypedResults.Ok(ScheduleApplication.Windows(schedule, from ?? time.GetUtcNow(), count ?? 5));
    }

    private static async Task<Ok<IReadOnlyList<FiringRecord>>> FiringsAsync(string name, ScheduleApplication schedules, CancellationToken ct) =>
        TypedResults.Ok(await schedules.FiringsAsync(name, ct));

    private static async Task<NoContent> DeleteAsync(string name, ScheduleApplication schedules, CancellationToken ct)
    {
        await schedules.DeleteAsync(name, ct);
        return TypedResults.NoContent();
    }

    private static DateTimeOffset? After(string? text) => text is null ? null
        : Instants.Parse(text, "after", out var problem) ?? throw new InvalidRequestException([new RequestProblem("after", problem!)]);
}
