using DrainOrchestrator.Engine.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DrainOrchestrator.Server.Metrics;

/// <summary>Registers the instruments, the Prometheus endpoint and, when asked, OTLP traces.</summary>
internal static class MetricsExtensions
{
    public static IServiceCollection AddDrainMetrics(this IServiceCollection services, ServeOptions options)
    {
        services.AddSingleton<DrainCounts>();
        services.AddHostedService(sp => sp.GetRequiredService<DrainCounts>());
        services.AddSingleton<ServerMetrics>();
        var telemetry = services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(ServerMetrics.MeterName, EngineMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (options.OtlpEndpoint is { } endpoint)
        {
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = endpoint));
        }

        return services;
    }

    /// <summary>Counts every answered request by its route template (never its path, which may hold names).</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            context.RequestServices.GetRequiredService<ServerMetrics>().RequestAnswered(context.Request.Method, route, context.Response.StatusCode);
        }
    });

    public static IEndpointRouteBuilder MapDrainMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
