using DrainOrchestrator.Application.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DrainOrchestrator.Server.Health;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: PostgreSQL, the applied schema, the Kubernetes API and the
/// informers' view following it (a stale view makes the replica not ready, with the reason in the body; it stays healthy).
/// </summary>
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
        }).AllowAnonymous().WithTags("Health").WithSummary("Ready to serve: PostgreSQL answers, the schema is applied, the Kubernetes API answers, the cluster view follows it")
            .Produces<Readiness>().Produces<Readiness>(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }
}
