using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.KubeVirt.Parsing;

namespace DrainOrchestrator.Simulator.Admin;

/// <summary>
/// <c>/sim/v1/cluster-faults</c>: faults of the simulated cluster, injected now. POST one fault or
/// <c>{"faults":[…]}</c>, each shaped as a scenario file's fault without <c>at</c>, e.g.
/// <c>{"kind":"nodeReboot","node":"worker-2","duration":"90s","kubeletVersion":"v1.33.0"}</c>. A malformed body is a 400
/// listing every problem and injects nothing; a fault naming an unknown node or VM is a 422. GET lists those injected.
/// </summary>
internal static class ClusterFaultsEndpoint
{
    public static async Task HandleAsync(HttpContext http, ClusterModelHost? model, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            throw new ApiStatusException(new ApiStatus(404, "NotFound",
                "this simulator runs no cluster model (scenario empty or a JSON List): there is nothing to inject cluster faults into"));
        }

        if (http.Request.Method == "POST")
        {
            var body = await RequestBody.ReadJsonAsync(http.Request, allowEmpty: false, cancellationToken) as JsonObject
                ?? throw new ApiStatusException(ApiErrors.BadRequest("expected a JSON object: one fault or {\"faults\":[...]}"));
            Inject(model, Parse(body));
        }

        await ApiResponses.WriteJsonAsync(http.Response, 200, new JsonObject { ["faults"] = model.InjectedFaults() }, cancellationToken);
    }

    private static List<(FaultSpec Fault, JsonObject Posted)> Parse(JsonObject body)
    {
        var items = body["faults"] is JsonArray array ? [.. array] : new List<JsonNode?> { body };
        var problems = new List<string>();
        var parsed = new List<(FaultSpec, JsonObject)>();
        for (var i = 0; i < items.Count; i++)
        {
            var where = body["faults"] is null ? "fault" : $"faults[{i}]";
            if (items[i] is not JsonObject item)
            {
                problems.Add($"{where}: must be an object");
            }
            else if (ClusterFaultParser.Parse(item, where, problems) is { } fault)
            {
                parsed.Add((fault, item));
            }
        }

        if (items.Count == 0)
        {
            problems.Add("faults: at least one fault is needed");
        }

        return problems.Count == 0 ? parsed : throw new ApiStatusException(ApiErrors.BadRequest(string.Join("; ", problems)));
    }

    private static void Inject(ClusterModelHost model, List<(FaultSpec Fault, JsonObject Posted)> faults)
    {
        var refused = new List<string>();
        foreach (var (fault, posted) in faults)
        {
            if (model.InjectFault(fault, posted) is { } problem)
            {
                refused.Add($"{posted["kind"]}: {problem}");
            }
        }

        if (refused.Count > 0)
        {
            throw new ApiStatusException(new ApiStatus(422, "Invalid", "fault not injected: " + string.Join("; ", refused)));
        }
    }
}
