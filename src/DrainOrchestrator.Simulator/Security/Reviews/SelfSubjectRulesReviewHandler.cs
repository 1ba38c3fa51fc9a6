using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Security.Authentication;
using DrainOrchestrator.Simulator.Security.Authorization;

namespace DrainOrchestrator.Simulator.Security.Reviews;

/// <summary>
/// <c>POST /apis/authorization.k8s.io/v1/selfsubjectrulesreviews</c> (what <c>kubectl auth can-i --list</c> sends):
/// every rule that applies to the caller in <c>spec.namespace</c>, resource and non-resource apart. A member of
/// <c>system:masters</c> is shown <c>*</c> everywhere; a binding to a missing role is an <c>evaluationError</c>.
/// </summary>
internal static class SelfSubjectRulesReviewHandler
{
    private const string ApiVersion = "authorization.k8s.io/v1";
    private const string Kind = "SelfSubjectRulesReview";

    public static async Task HandleAsync(HttpContext http, UserInfo user, RbacAuthorizer authorizer)
    {
        var body = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
        ReviewBodies.CheckKind(body, ApiVersion, Kind);
        var spec = body["spec"] as JsonObject ?? [];
        IReadOnlyList<PolicyRule> rules;
        IReadOnlyList<string> errors = [];
        if (user.IsMaster)
        {
            rules =
            [
                new PolicyRule { Verbs = ["*"], ApiGroups = ["*"], Resources = ["*"] },
                new PolicyRule { Verbs = ["*"], NonResourceUrls = ["*"] },
            ];
        }
        else
        {
            rules = authorizer.RulesFor(user, ReviewBodies.Text(spec, "namespace"), out errors);
        }

        var status = new JsonObject
        {
            ["resourceRules"] = new JsonArray([.. rules.Where(r => r.NonResourceUrls.Count == 0).Select(r => (JsonNode)r.ToJson())]),
            ["nonResourceRules"] = new JsonArray([.. rules.Where(r => r.NonResourceUrls.Count > 0).Select(r => (JsonNode)r.ToJson())]),
            ["incomplete"] = errors.Count > 0,
        };
        if (errors.Count > 0)
        {
            status["evaluationError"] = string.Join(", ", errors);
        }

        var answer = new JsonObject
        {
            ["kind"] = Kind,
            ["apiVersion"] = ApiVersion,
            ["metadata"] = new JsonObject(),
            ["spec"] = spec.DeepClone(),
            ["status"] = status,
        };
        await ApiResponses.WriteJsonAsync(http.Response, 201, answer, http.RequestAborted);
    }
}
