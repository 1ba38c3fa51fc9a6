using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Security.Authentication;

namespace DrainOrchestrator.Simulator.Security.Authorization;

/// <summary>
/// The 403 of a denied request, worded as kube-apiserver words it: <c>RESOURCE[.GROUP] ["NAME"] is forbidden: User
/// "USER" cannot VERB resource "RESOURCE[/SUBRESOURCE]" in API group "GROUP" in the namespace "NS"</c> (or <c>at the
/// cluster scope</c>), <c>forbidden: User "USER" cannot VERB path "/PATH"</c> for a non-resource URL, followed by
/// <c>: REASON</c> when the authorizer gave one; <c>details</c> carry the name, group and resource.
/// </summary>
public static class ForbiddenStatus
{
    /// <summary>The Status for a denied request.</summary>
    public static ApiStatus For(UserInfo user, RequestAttributes request, string reason)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        var why = Sanitize(Explain(user.Name, request)) + (string.IsNullOrEmpty(reason) ? "" : ": " + reason);
        if (!request.IsResourceRequest)
        {
            return new ApiStatus(403, "Forbidden", "forbidden: " + why);
        }

        var qualified = request.ApiGroup.Length == 0 ? request.Resource : $"{request.Resource}.{request.ApiGroup}";
        var message = request.Name.Length == 0 ? $"{qualified} is forbidden: {why}" : $"{qualified} \"{request.Name}\" is forbidden: {why}";
        return new ApiStatus(403, "Forbidden", message)
        {
            Name = request.Name.Length == 0 ? null : request.Name,
            Group = request.ApiGroup,
            Kind = request.Resource,
        };
    }

    private static string Explain(string user, RequestAttributes request)
    {
        if (!request.IsResourceRequest)
        {
            return $"User \"{user}\" cannot {request.Verb} path \"{request.Path}\"";
        }

        var scope = request.Namespace.Length == 0 ? "at the cluster scope" : $"in the namespace \"{request.Namespace}\"";
        return $"User \"{user}\" cannot {request.Verb} resource \"{request.ResourceWithSubresource}\" in API group \"{request.ApiGroup}\" {scope}";
    }

    // kube-apiserver escapes these before the message reaches a browser.
    private static string Sanitize(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
