using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Admin.Faults;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.KubeVirt;

namespace DrainOrchestrator.Simulator.Admin;

/// <summary>
/// <c>/sim/v1/admission</c>: how virt-api admits VMIMs. PUT <c>{"cacheLag":"500ms"}</c> makes its "one migration in
/// flight per VMI" check read a cache that lags that far behind (model time), so two VMIMs created within the lag for
/// one VMI are both admitted and the VMI migrates twice (the ground truth's <c>duplicateMigrations</c> lists them);
/// <c>"0s"</c> turns it off. GET shows the setting.
/// </summary>
internal static class AdmissionEndpoint
{
    public static async Task HandleAsync(HttpContext http, ClusterModelHost? model, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            throw new ApiStatusException(new ApiStatus(404, "NotFound",
                "this simulator runs no cluster model (scenario empty or a JSON List): there is no virt-api admission to set"));
        }

        if (http.Request.Method == "PUT")
        {
            var body = await RequestBody.ReadJsonAsync(http.Request, allowEmpty: false, cancellationToken) as JsonObject;
            var text = body?["cacheLag"] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
            if (!Durations.TryParse(text, out var lag))
            {
                throw new ApiStatusException(ApiErrors.BadRequest(
                    $"expected {{\"cacheLag\":\"500ms\"}} with a duration of 0s or more, was {body?.ToJsonString() ?? "no object"}"));
            }

            model.Cluster.AdmissionCacheLag = lag;
        }

        await ApiResponses.WriteJsonAsync(http.Response, 200,
            new JsonObject { ["cacheLag"] = Durations.Format(model.Cluster.AdmissionCacheLag) }, cancellationToken);
    }
}
