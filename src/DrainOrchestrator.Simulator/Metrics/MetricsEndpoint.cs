using DrainOrchestrator.Simulator.KubeVirt;

namespace DrainOrchestrator.Simulator.Metrics;

/// <summary>
/// <c>GET /metrics</c>: what a Prometheus scraping KubeVirt's virt-controller and every virt-handler would collect
/// about migrations, in one document (<see cref="KubeVirtMigrationMetrics"/>). Without a cluster model (an
/// <c>empty</c> or <c>.json</c> seed) nothing migrates: the counts are 0 and there are no per-VMI series.
/// </summary>
internal sealed class MetricsEndpoint(ClusterModelHost? model)
{
    public async Task HandleAsync(HttpContext http)
    {
        if (http.Request.Method != "GET")
        {
            throw new Api.Errors.ApiStatusException(Api.Errors.ApiErrors.MethodNotAllowed(http.Request.Method));
        }

        var cluster = model?.Cluster;
        var document = KubeVirtMigrationMetrics.Render(
            cluster?.GetMigrations() ?? [], cluster?.GetVmis() ?? [], cluster?.GetVirtualMachines() ?? []);
        http.Response.StatusCode = 200;
        http.Response.ContentType = PrometheusText.ContentType;
        await http.Response.WriteAsync(document, http.RequestAborted);
    }
}
