using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Admin.Faults;
using DrainOrchestrator.Simulator.Admin.Partition;
using DrainOrchestrator.Simulator.Admin.Requests;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.Security.Authentication;

namespace DrainOrchestrator.Simulator.Admin;

/// <summary>
/// The simulator's own API under <c>/sim/v1/</c>: <c>faults</c> (GET, PUT to replace, POST to add one, DELETE to clear;
/// each answers the rules and how many requests were answered ambiguously so far),
/// <c>requests</c> (GET counts, DELETE to reset), <c>compact</c> (POST: drop the watch history, forcing 410s),
/// <c>ground-truth</c> (GET), <c>cluster-faults</c> (GET the injected ones, POST to inject; see <see cref="ClusterFaultsEndpoint"/>)
/// <c>upgrades</c> (GET the node upgrader's settings and upgrades, POST to mark nodes; see <see cref="UpgradesEndpoint"/>),
/// <c>partition</c> (GET, POST to cut the clients off the Kubernetes API for a while, DELETE to heal; see
/// <see cref="PartitionEndpoint"/>) and <c>admission</c> (GET, PUT virt-api's admission cache lag; see
/// <see cref="AdmissionEndpoint"/>) and <c>tokens</c> (POST: a ServiceAccount token; see <see cref="TokensEndpoint"/>).
/// Only the admin token reaches it.
/// </summary>
internal sealed class AdminApi(FaultInjector faults, RequestCounters counters, ObjectStore store, ClusterModelHost? model, ApiPartition partition,
    ServiceAccountTokens tokens)
{
    public async Task HandleAsync(HttpContext http, string resource)
    {
        var ct = http.RequestAborted;
        switch (resource, http.Request.Method)
        {
            case ("faults", "GET"):
                break;
            case ("faults", "PUT"):
                faults.SetRules(await ReadRulesAsync(http, ct));
                break;
            case ("faults", "POST"):
                foreach (var rule in await ReadRulesAsync(http, ct))
                {
                    faults.AddRule(rule);
                }

                break;
            case ("faults", "DELETE"):
                faults.SetRules([]);
                break;
            case ("requests", "GET"):
                await ApiResponses.WriteJsonAsync(http.Response, 200, counters.ToJson(), ct);
                return;
            case ("requests", "DELETE"):
                counters.Reset();
                await ApiResponses.WriteJsonAsync(http.Response, 200, counters.ToJson(), ct);
                return;
            case ("compact", "POST"):
                store.Compact();
                await ApiResponses.WriteJsonAsync(http.Response, 200, new JsonObject { ["compactedThrough"] = store.CurrentResourceVersion }, ct);
                return;
            case ("ground-truth", "GET"):
                await ApiResponses.WriteJsonAsync(http.Response, 200, GroundTruthDocument.Build(model, counters), ct);
                return;
            case ("cluster-faults", "GET" or "POST"):
                await ClusterFaultsEndpoint.HandleAsync(http, model, ct);
                return;
            case ("upgrades", "GET" or "POST"):
                await UpgradesEndpoint.HandleAsync(http, model, ct);
                return;
            case ("partition", "GET" or "POST" or "DELETE"):
                await PartitionEndpoint.HandleAsync(http, partition, ct);
                return;
            case ("admission", "GET" or "PUT"):
                await AdmissionEndpoint.HandleAsync(http, model, ct);
                return;
            case ("tokens", "POST"):
                await TokensEndpoint.HandleAsync(http, tokens, ct);
                return;
            case ("faults" or "requests" or "compact" or "ground-truth" or "cluster-faults" or "upgrades" or "partition" or "admission" or "tokens", _):
                throw new ApiStatusException(ApiErrors.MethodNotAllowed(http.Request.Method));
            default:
                throw new ApiStatusException(ApiErrors.PathNotFound());
        }

        var rules = new JsonArray([.. faults.Rules.Select(r => (JsonNode)r.ToJson())]);
        await ApiResponses.WriteJsonAsync(http.Response, 200,
            new JsonObject { ["rules"] = rules, ["ambiguousAnswered"] = faults.AmbiguousAnswered }, ct);
    }

    /// <summary>Reads <c>{"rules":[…]}</c> or a single rule object; every problem is reported in one 400.</summary>
    private async Task<List<FaultRule>> ReadRulesAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var resources = store.Registry.Types.Select(t => t.Plural).ToList();
        var body = await RequestBody.ReadJsonAsync(http.Request, allowEmpty: false, cancellationToken) as JsonObject
            ?? throw new ApiStatusException(ApiErrors.BadRequest("expected a JSON object: {\"rules\":[...]} or one rule"));
        var items = body["rules"] is JsonArray array ? [.. array] : new List<JsonNode?> { body };
        var problems = new List<string>();
        var rules = new List<FaultRule>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item)
            {
                problems.Add($"rules[{i}]: must be an object");
            }
            else if (FaultRuleParser.ParseJson(item, problems, $"rules[{i}]") is { } rule)
            {
                var unknown = rule.Validate(resources).Except(rule.Validate()).Select(p => $"rules[{i}]: {p}").ToList();
                problems.AddRange(unknown);
                if (unknown.Count == 0)
                {
                    rules.Add(rule);
                }
            }
        }

        return problems.Count == 0 ? rules : throw new ApiStatusException(ApiErrors.BadRequest(string.Join("; ", problems)));
    }
}
