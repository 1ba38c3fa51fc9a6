using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Security.Authentication;
using DrainOrchestrator.Simulator.Security.Authorization;

namespace DrainOrchestrator.Simulator.Security.Reviews;

/// <summary>
/// <c>POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews</c> (what <c>kubectl auth can-i</c> sends): the
/// caller's own request attributes, resource or non-resource, answered by the same authorizer that guards every
/// request, with <c>status.allowed</c> and the authorizer's reason. Nothing is stored.
/// </summary>
internal static class SelfSubjectAccessReviewHandler
{
    private const string ApiVersion = "authorization.k8s.io/v1";
    private const string Kind = "SelfSubjectAccessReview";

    public static async Task HandleAsync(HttpContext http, UserInfo user, RbacAuthorizer authorizer)
    {
        var body = await RequestBody.ReadObjectAsync(http.Request, http.RequestAborted);
        ReviewBodies.CheckKind(body, ApiVersion, Kind);
        var spec = body["spec"] as JsonObject;
        var resource = spec?["resourceAttributes"] as JsonObject;
        var nonResource = spec?["nonResourceAttributes"] as JsonObject;
        if ((resource is null) == (nonResource is null))
        {
            throw new ApiStatusException(ApiErrors.Invalid(Kind, "", [new ApiStatusCause("FieldValueInvalid",
                "Invalid value: exactly one of nonResourceAttributes or resourceAttributes must be specified", "spec.resourceAttributes")],
                "authorization.k8s.io"));
        }

        var request = resource is not null
            ? new RequestAttributes
            {
                Verb = ReviewBodies.Text(resource, "verb"),
                ApiGroup = ReviewBodies.Text(resource, "group"),
                ApiVersion = ReviewBodies.Text(resource, "version"),
                Resource = ReviewBodies.Text(resource, "resource"),
                Subresource = ReviewBodies.Text(resource, "subresource"),
                Namespace = ReviewBodies.Text(resource, "namespace"),
                Name = ReviewBodies.Text(resource, "name"),
            }
            : new RequestAttributes
            {
                Verb = ReviewBodies.Text(nonResource, "verb"),
                IsResourceRequest = false,
                Path = ReviewBodies.Text(nonResource, "path"),
            };
        var decision = authorizer.Authorize(user, request);
        var status = new JsonObject { ["allowed"] = decision.Allowed };
        if (decision.Reason.Length > 0)
        {
            status["reason"] = decision.Reason;
        }

        var answer = new JsonObject
        {
            ["kind"] = Kind,
            ["apiVersion"] = ApiVersion,
            ["metadata"] = new JsonObject(),
            ["spec"] = spec!.DeepClone(),
            ["status"] = status,
        };
        await ApiResponses.WriteJsonAsync(http.Response, 201, answer, http.RequestAborted);
    }
}
