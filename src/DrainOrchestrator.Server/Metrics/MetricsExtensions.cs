using DrainOrchestrator.Engine.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
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
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(ServerConstants.ServiceName)).WithMetrics(m => m
            .AddMeter(ServerMetrics.MeterName, EngineMetrics.MeterName, Engine.Budget.BudgetMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (options.OtlpEndpoint is { } endpoint)
        {
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter(o =>
            {
                o.Endpoint = endpoint;
                o.Protocol = OtlpProtocol(endpoint);
            }));
        }

        return services;
    }

    /// <summary>
    /// A URL ending in <c>/v1/traces</c> is an OTLP/HTTP (protobuf) receiver's full traces URL, as collectors serve
    /// on port 4318; any other is an OTLP/gRPC endpoint (port 4317), the exporter's default.
    /// </summary>
    public static OtlpExportProtocol OtlpProtocol(Uri endpoint) =>
        endpoint.AbsolutePath.TrimEnd('/').EndsWith("/v1/traces", StringComparison.Ordinal) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;

    /// <summary>
    /// Counts every answered request by its route template (never its path, which may hold names) and its final status.
    /// First in the pipeline, so that a status the exception handler sets (400, 404, 503, 500) is the one counted; the
    /// route is the one routing matched (<see cref="UseRouteForRequestMetrics"/>), as the handler clears the endpoint
    /// before it answers. The instruments are created here, as the pipeline is built: created on the first request's way
    /// out, they were missing from a scrape that came first.
    /// </summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<ServerMetrics>();
        return app.Use(async (context, next) =>
        {
            var status = 0;
            try
            {
                await next(context);
                status = context.Response.StatusCode;
            }
            catch when (!context.Response.HasStarted)
            {
                // Nothing handled it: the server answers 500.
                status = StatusCodes.Status500InternalServerError;
                throw;
            }
            finally
            {
                var route = context.Items[MatchedRouteKey] as string
                    ?? (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                metrics.RequestAnswered(context.Request.Method, route, status == 0 ? context.Response.StatusCode : status);
            }
        });
    }

    /// <summary>Notes the route template routing matched, for <see cref="UseRequestMetrics"/>; right after routing.</summary>
    public static IApplicationBuilder UseRouteForRequestMetrics(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
            {
                context.Items[MatchedRouteKey] = route;
            }

            return next(context);
        });

    private static readonly object MatchedRouteKey = new();

    public static IEndpointRouteBuilder MapDrainMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
