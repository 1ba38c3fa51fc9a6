using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DrainOrchestrator.Server.Api;

/// <summary>Registers and maps the REST API under <c>/api/v1</c>.</summary>
internal static class ApiExtensions
{
    public static IServiceCollection AddDrainApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        // The framework's own problems (a body of a type an endpoint does not take: 415) say what to send, in our terms.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                c.ProblemDetails.Type = ApiProblems.TypeBase + "unsupported-media-type";
                c.ProblemDetails.Detail = $"this endpoint takes a JSON body: send it with Content-Type: application/json (the request said "
                    + $"'{c.HttpContext.Request.ContentType ?? "nothing"}'). Repeating the same request will not succeed.";
                c.ProblemDetails.Extensions["retryable"] = false;
            }
        });
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
