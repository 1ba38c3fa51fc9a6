using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Admin.Faults;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.KubeVirt.Parsing;

namespace DrainOrchestrator.Simulator.Admin;

/// <summary>
/// <c>/sim/v1/upgrades</c>: the simulated cluster's node upgrader. GET gives its settings and every upgrade so far (the
/// ground truth's records). POST marks nodes now, one request or <c>{"upgrades":[…]}</c>, each
/// <c>{"node":"worker-1","targetVersion":"v1.33.2"}</c> with optional <c>trigger</c> (<c>cordonedAndEmpty</c> or
/// <c>marked</c>), <c>fail</c> and <c>returnAfter</c>; it answers what became of each and the same document as GET. A
/// malformed body is a 400 listing every problem and marks nothing; a request the model refuses (an unknown node, a node
/// down for its reboot) is a 422 naming it, the others having been taken.
/// </summary>
internal static class UpgradesEndpoint
{
    public static async Task HandleAsync(HttpContext http, ClusterModelHost? model, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            throw new ApiStatusException(new ApiStatus(404, "NotFound",
                "this simulator runs no cluster model (scenario empty or a JSON List): there are no nodes to upgrade"));
        }

        var document = new JsonObject();
        if (http.Request.Method == "POST")
        {
            var body = await RequestBody.ReadJsonAsync(http.Request, allowEmpty: false, cancellationToken) as JsonObject
                ?? throw new ApiStatusException(ApiErrors.BadRequest("expected a JSON object: one upgrade request or {\"upgrades\":[...]}"));
            document["results"] = Request(model, Parse(body, model.Cluster.UpgradeSettings));
        }

        document["settings"] = Settings(model.Cluster.UpgradeSettings);
        document["upgrades"] = GroundTruthReport.ToJsonNode(model.Cluster.GetUpgrades());
        await ApiResponses.WriteJsonAsync(http.Response, 200, document, cancellationToken);
    }

    private static List<UpgradeRequest> Parse(JsonObject body, UpgradeSettings settings)
    {
        var listed = body["upgrades"] is JsonArray;
        var items = body["upgrades"] is JsonArray array ? [.. array] : new List<JsonNode?> { body };
        var problems = new List<string>();
        var requests = new List<UpgradeRequest>();
        for (var i = 0; i < items.Count; i++)
        {
            var where = listed ? $"upgrades[{i}]" : "upgrade";
            if (items[i] is not JsonObject item)
            {
                problems.Add($"{where}: must be an object");
            }
            else if (UpgradeRequestParser.Parse(item, where, settings, problems) is { } request)
            {
                requests.Add(request);
            }
        }

        if (items.Count == 0)
        {
            problems.Add("upgrades: at least one request is needed");
        }

        return problems.Count == 0 ? requests : throw new ApiStatusException(ApiErrors.BadRequest(string.Join("; ", problems)));
    }

    private static JsonArray Request(ClusterModelHost model, List<UpgradeRequest> requests)
    {
        var results = new JsonArray();
        var refused = new List<string>();
        foreach (var request in requests)
        {
            var result = model.RequestUpgrade(request);
            if (result.Problem is { } problem)
            {
                refused.Add($"{request.Node}: {problem}");
            }

            results.Add(new JsonObject
            {
                ["node"] = request.Node,
                ["status"] = result.Status.ToString(),
                ["id"] = result.Upgrade?.Id,
            });
        }

        return refused.Count == 0
            ? results
            : throw new ApiStatusException(new ApiStatus(422, "Invalid", "upgrade not requested: " + string.Join("; ", refused)));
    }

    private static JsonObject Settings(UpgradeSettings settings) => new()
    {
        ["targetVersion"] = settings.TargetVersion,
        ["nodes"] = new JsonArray([.. settings.Nodes.Select(n => (JsonNode)n)]),
        ["selector"] = settings.Selector is { } selector ? new JsonObject([.. selector.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]) : null,
        ["trigger"] = settings.Trigger.ToString(),
        ["startDelay"] = Durations.Format(settings.StartDelay),
        ["rebootDuration"] = Durations.Format(settings.RebootDuration),
        ["jitter"] = Durations.Format(settings.Jitter),
        ["retryInterval"] = Durations.Format(settings.RetryInterval),
        ["onOccupied"] = settings.OnOccupied.ToString(),
        ["failures"] = new JsonArray([.. settings.Failures.Select(f => (JsonNode)new JsonObject
        {
            ["node"] = f.Node,
            ["returnAfter"] = f.ReturnAfter is { } d ? Durations.Format(d) : null,
        })]),
        ["annotations"] = new JsonObject
        {
            ["targetVersion"] = UpgradeAnnotations.TargetVersion,
            ["state"] = UpgradeAnnotations.State,
        },
    };
}
