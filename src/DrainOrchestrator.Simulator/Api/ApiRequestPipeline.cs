using DrainOrchestrator.Simulator.Admin;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Metrics;
using DrainOrchestrator.Simulator.Security.Authentication;
using DrainOrchestrator.Simulator.Security.Authorization;

namespace DrainOrchestrator.Simulator.Api;

/// <summary>
/// The one request handler of the server: authentication (401 without a known token), then the admin API (the admin
/// token only: 403 for anyone else), the health paths, KubeVirt's migration metrics (<c>/metrics</c>, any authenticated
/// user, as a Prometheus with a token scrapes virt-handler), a Prometheus instant query over them (<c>/api/v1/query</c>,
/// any authenticated user; no core resource is called <c>query</c>) or the Kubernetes API (which authorizes each request), with every
/// failure answered as a Kubernetes <c>Status</c>.
/// </summary>
internal sealed class ApiRequestPipeline(TokenAuthenticator tokens, KubernetesApi kubernetes, AdminApi admin, MetricsEndpoint metrics,
    PrometheusQueryEndpoint query)
{
    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            var user = tokens.Authenticate(http.Request) ?? throw new ApiStatusException(ApiErrors.Unauthorized());
            var segments = http.Request.Path.Value?.Trim('/').Split('/') ?? [];
            await (segments switch
            {
                ["sim", "v1", var resource] when user.IsMaster => admin.HandleAsync(http, resource),
                ["sim", ..] => throw new ApiStatusException(ForbiddenStatus.For(user, PathRequest(http), "drain-sim's admin API takes the admin token only")),
                ["healthz" or "livez" or "readyz"] => WriteOkAsync(http),
                ["metrics"] => metrics.HandleAsync(http),
                ["api", "v1", "query"] => query.HandleAsync(http),
                _ => kubernetes.HandleAsync(http, segments, user),
            });
        }
        catch (ApiStatusException e) when (!http.Response.HasStarted)
        {
            await ApiResponses.WriteStatusAsync(http.Response, e.Status, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            // A bug in the simulator still answers as an API server would, so clients see a Status, not a bare 500.
            await ApiResponses.WriteStatusAsync(http.Response, ApiErrors.InternalError(e.Message), http.RequestAborted);
        }
    }

    private static RequestAttributes PathRequest(HttpContext http) =>
        new() { Verb = http.Request.Method.ToLowerInvariant(), IsResourceRequest = false, Path = http.Request.Path.Value ?? "/" };

    private static Task WriteOkAsync(HttpContext http)
    {
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync("ok", http.RequestAborted);
    }
}
