using DrainOrchestrator.Simulator.Admin;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;

namespace DrainOrchestrator.Simulator.Api;

/// <summary>
/// The one request handler of the server: bearer-token check, then the admin API or the Kubernetes API, with every
/// failure answered as a Kubernetes <c>Status</c>.
/// </summary>
internal sealed class ApiRequestPipeline(BearerTokenCheck tokens, KubernetesApi kubernetes, AdminApi admin)
{
    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            if (!tokens.IsAuthorized(http.Request))
            {
                throw new ApiStatusException(ApiErrors.Unauthorized());
            }

            var segments = http.Request.Path.Value?.Trim('/').Split('/') ?? [];
            await (segments switch
            {
                ["sim", "v1", var resource] => admin.HandleAsync(http, resource),
                ["healthz" or "livez" or "readyz"] => WriteOkAsync(http),
                _ => kubernetes.HandleAsync(http, segments),
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

    private static Task WriteOkAsync(HttpContext http)
    {
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync("ok", http.RequestAborted);
    }
}
