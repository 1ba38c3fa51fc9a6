using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Security.Authentication;

namespace DrainOrchestrator.Simulator.Admin;

/// <summary>
/// <c>/sim/v1/tokens</c>: POST <c>{"namespace":"drain-system","serviceAccount":"drain-orchestrator"}</c> (optional
/// <c>"token"</c>, at least 16 characters, to choose it) registers a token that never expires for the ServiceAccount,
/// creating the account and its namespace when missing, and answers <c>{"namespace","serviceAccount","user","token"}</c>.
/// A second POST for the same account adds another token (a rotation); the old one works until the account is deleted.
/// </summary>
internal static class TokensEndpoint
{
    public static async Task HandleAsync(HttpContext http, ServiceAccountTokens tokens, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadJsonAsync(http.Request, allowEmpty: false, cancellationToken) as JsonObject
            ?? throw new ApiStatusException(ApiErrors.BadRequest(
                "expected a JSON object: {\"namespace\":\"NS\",\"serviceAccount\":\"NAME\"} and optionally \"token\""));
        var @namespace = Text(body, "namespace");
        var name = Text(body, "serviceAccount");
        var token = body["token"] is null ? null : Text(body, "token");
        var problems = ServiceAccountTokens.RegistrationProblems(@namespace, name, token);
        if (problems.Count > 0)
        {
            throw new ApiStatusException(ApiErrors.BadRequest(string.Join("; ", problems)));
        }

        var issued = tokens.Register(@namespace, name, token);
        await ApiResponses.WriteJsonAsync(http.Response, 200, new JsonObject
        {
            ["namespace"] = @namespace,
            ["serviceAccount"] = name,
            ["user"] = UserInfo.ServiceAccountUser(@namespace, name),
            ["token"] = issued,
        }, cancellationToken);
    }

    private static string Text(JsonObject body, string field) =>
        body[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
