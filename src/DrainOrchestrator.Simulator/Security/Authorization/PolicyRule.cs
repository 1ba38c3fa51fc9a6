using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Security.Authorization;

/// <summary>
/// One rule of a Role or ClusterRole, matched as the RBAC authorizer matches it: <c>*</c> is any verb, group, resource
/// or path; a resource names its subresource (<c>nodes/status</c>, or <c>*/status</c> for every resource's), and a plain
/// resource does not cover its subresources; empty <c>resourceNames</c> means every object; a non-resource URL ending
/// in <c>*</c> is a prefix.
/// </summary>
public sealed record PolicyRule
{
    /// <summary>The wildcard.</summary>
    public const string All = "*";

    /// <summary>The verbs.</summary>
    public IReadOnlyList<string> Verbs { get; init; } = [];

    /// <summary>The API groups ("" is core).</summary>
    public IReadOnlyList<string> ApiGroups { get; init; } = [];

    /// <summary>The resources, with subresources as <c>resource/subresource</c>.</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>The object names allowed; empty for all.</summary>
    public IReadOnlyList<string> ResourceNames { get; init; } = [];

    /// <summary>The non-resource URL paths (ClusterRoles only).</summary>
    public IReadOnlyList<string> NonResourceUrls { get; init; } = [];

    /// <summary>Whether the rule allows the request.</summary>
    public bool Allows(RequestAttributes request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Covers(Verbs, request.Verb))
        {
            return false;
        }

        if (!request.IsResourceRequest)
        {
            return NonResourceUrls.Any(url => url == All || url == request.Path
                || (url.EndsWith('*') && request.Path.StartsWith(url[..^1], StringComparison.Ordinal)));
        }

        return Covers(ApiGroups, request.ApiGroup)
            && CoversResource(request)
            && (ResourceNames.Count == 0 || ResourceNames.Contains(request.Name, StringComparer.Ordinal));
    }

    /// <summary>Reads a rule from its JSON (<c>verbs</c>, <c>apiGroups</c>, <c>resources</c>, <c>resourceNames</c>, <c>nonResourceURLs</c>).</summary>
    public static PolicyRule FromJson(JsonObject rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new PolicyRule
        {
            Verbs = Strings(rule["verbs"]),
            ApiGroups = Strings(rule["apiGroups"]),
            Resources = Strings(rule["resources"]),
            ResourceNames = Strings(rule["resourceNames"]),
            NonResourceUrls = Strings(rule["nonResourceURLs"]),
        };
    }

    /// <summary>The rule as JSON, as a rules review shows it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["verbs"] = Array(Verbs) };
        if (NonResourceUrls.Count > 0)
        {
            json["nonResourceURLs"] = Array(NonResourceUrls);
            return json;
        }

        json["apiGroups"] = Array(ApiGroups);
        json["resources"] = Array(Resources);
        if (ResourceNames.Count > 0)
        {
            json["resourceNames"] = Array(ResourceNames);
        }

        return json;
    }

    private bool CoversResource(RequestAttributes request)
    {
        var combined = request.ResourceWithSubresource;
        foreach (var resource in Resources)
        {
            if (resource == All || resource == combined
                || (request.Subresource.Length > 0 && resource.Length == request.Subresource.Length + 2
                    && resource.StartsWith("*/", StringComparison.Ordinal) && resource.EndsWith(request.Subresource, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covers(IReadOnlyList<string> allowed, string value) =>
        allowed.Any(a => a == All || a == value);

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n?.GetValue<string>() ?? "")] : [];

    private static JsonArray Array(IReadOnlyList<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
