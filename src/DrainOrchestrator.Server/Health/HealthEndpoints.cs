using DrainOrchestrator.Application.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrainOrchestrator.Server.Health;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: PostgreSQL, the applied schema and the Kubernetes API.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapDrainHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Ok(new Readiness(true, []))).AllowAnonymous().WithTags("Health")
            .WithSummary("The process is alive");
        endpoints.MapGet("/readyz", async (ReadinessProbe probe, CancellationToken ct) =>
        {
            var checks = await probe.CheckAsync(ServerConstants.ReadinessTimeout, ct);
            var ready = checks.All(c => c.Ready);
            return TypedResults.Json(new Readiness(ready, checks), statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health").WithSummary("Ready to serve: PostgreSQL answers, the schema is applied, the Kubernetes API answers")
            .Produces<Readiness>().Produces<Readiness>(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }
}
