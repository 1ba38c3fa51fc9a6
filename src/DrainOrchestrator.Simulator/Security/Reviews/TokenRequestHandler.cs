using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Security.Authentication;

namespace DrainOrchestrator.Simulator.Security.Reviews;

/// <summary>
/// <c>POST /api/v1/namespaces/NS/serviceaccounts/NAME/token</c>: an <c>authentication.k8s.io/v1</c> TokenRequest
/// (what <c>kubectl create token</c> sends) answered with a new token for the account, valid for
/// <c>spec.expirationSeconds</c> (default one hour, at least ten minutes, as upstream).
/// </summary>
internal static class TokenRequestHandler
{
    public const string ApiVersion = "authentication.k8s.io/v1";
    public const string Kind = "TokenRequest";
    private const long DefaultSeconds = 3600;
    private const long MinSeconds = 600;
    private const long MaxSeconds = 1L << 32;

    public static async Task HandleAsync(HttpContext http, string @namespace, string name, ServiceAccountTokens tokens, TimeProvider time)
    {
        if (http.Request.Method != "POST")
        {
            throw new ApiStatusException(ApiErrors.MethodNotAllowed(http.Request.Method));
        }

        var body = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
        ReviewBodies.CheckKind(body, ApiVersion, Kind);
        var spec = body["spec"] as JsonObject ?? [];
        var seconds = spec["expirationSeconds"] is JsonValue value && value.TryGetValue<long>(out var given) ? given : DefaultSeconds;
        if (seconds is < MinSeconds or > MaxSeconds)
        {
            var message = seconds < MinSeconds
                ? $"Invalid value: {seconds}: may not specify a duration less than 10 minutes"
                : $"Invalid value: {seconds}: may not specify a duration larger than 2^32 seconds";
            throw new ApiStatusException(ApiErrors.Invalid(Kind, name,
                [new ApiStatusCause("FieldValueInvalid", message, "spec.expirationSeconds")], "authentication.k8s.io"));
        }

        var (token, expires) = tokens.Issue(@namespace, name, TimeSpan.FromSeconds(seconds));
        spec["expirationSeconds"] = seconds;
        spec["audiences"] ??= new JsonArray("https://kubernetes.default.svc.cluster.local");
        var answer = new JsonObject
        {
            ["kind"] = Kind,
            ["apiVersion"] = ApiVersion,
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = @namespace,
                ["creationTimestamp"] = Timestamp(time.GetUtcNow()),
            },
            ["spec"] = spec.DeepClone(),
            ["status"] = new JsonObject { ["token"] = token, ["expirationTimestamp"] = Timestamp(expires) },
        };
        await ApiResponses.WriteJsonAsync(http.Response, 201, answer, http.RequestAborted);
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
