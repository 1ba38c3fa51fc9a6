using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DrainOrchestrator.Server.Api;

/// <summary>Registers and maps the REST API under <c>/api/v1</c>.</summary>
internal static class ApiExtensions
{
    public static IServiceCollection AddDrainApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // A value that does not bind (?limit=abc) is thrown to the handler above, which names it, instead of a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<ApiDocumentTransformer>());
        return services;
    }

    public static RouteGroupBuilder MapDrainApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return endpoints.MapGroup("/api/v1").MapClusters().MapDrains().MapPlans().MapWorkflows().MapSchedules().MapAudit().MapReports().MapRehearsals().MapEvacuations().MapMe();
    }
}
