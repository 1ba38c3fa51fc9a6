using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Plans;
using DrainOrchestrator.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DrainOrchestrator.Server.Api;

/// <summary>Plans: the dry run of a drain request.</summary>
internal static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlans(this RouteGroupBuilder api)
    {
        api.MapPost("/plans", PlanAsync).WithTags("Plans").RequireAuthorization(ApiPolicies.Read)
            .Accepts<DrainRequest>("application/json")
            .WithSummary("Plan a drain without starting it: the same body and validation as POST /drains, blockers shown in the plan")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Ok<PlanView>> PlanAsync(HttpContext http, DrainApplication app, CancellationToken ct)
    {
        var spec = await DrainRequestReader.ReadAsync(http.Request, app, plan: true, ct);
        return TypedResults.Ok(await app.PlanAsync(spec, DrainRequestReader.Door(http.Request), ct));
    }
}
