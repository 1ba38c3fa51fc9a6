using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Discovery;

/// <summary>
/// The legacy discovery documents (APIVersions, APIGroupList, APIGroup, APIResourceList). Served as plain
/// <c>application/json</c>, so a client asking for aggregated discovery falls back to these.
/// </summary>
internal static class DiscoveryDocuments
{
    public static JsonObject CoreVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = "127.0.0.1" }),
    };

    public static JsonObject GroupList(ResourceRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. registry.Groups.Select(g => (JsonNode)GroupBody(g.Key, [.. g]))]),
    };

    public static JsonObject? Group(ResourceRegistry registry, string group)
    {
        var versions = registry.Groups.FirstOrDefault(g => g.Key == group);
        if (versions is null)
        {
            return null;
        }

        var body = GroupBody(group, [.. versions]);
        body["kind"] = "APIGroup";
        body["apiVersion"] = "v1";
        return body;
    }

    public static JsonObject? ResourceList(ResourceRegistry registry, string group, string version)
    {
        var types = registry.InGroupVersion(group, version).ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var type in types)
        {
            resources.Add(Resource(type));
            if (type == BuiltInResourceTypes.ServiceAccounts)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = "serviceaccounts/token",
                    ["singularName"] = "",
                    ["namespaced"] = true,
                    ["group"] = "authentication.k8s.io",
                    ["version"] = "v1",
                    ["kind"] = "TokenRequest",
                    ["verbs"] = new JsonArray("create"),
                });
            }

            if (type.HasStatusSubresource)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = type.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject Resource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["name"] = type.Plural,
            ["singularName"] = type.Singular,
            ["namespaced"] = type.Namespaced,
            ["kind"] = type.Kind,
            ["verbs"] = new JsonArray([.. type.Verbs.Select(v => (JsonNode)v)]),
        };
        if (type.ShortNames.Count > 0)
        {
            resource["shortNames"] = new JsonArray([.. type.ShortNames.Select(s => (JsonNode)s)]);
        }

        if (type.Categories.Count > 0)
        {
            resource["categories"] = new JsonArray([.. type.Categories.Select(c => (JsonNode)c)]);
        }

        return resource;
    }

    private static JsonObject GroupBody(string group, IReadOnlyList<string> versions)
    {
        JsonObject Version(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)Version(v))]),
            ["preferredVersion"] = Version(versions[0]),
        };
    }
}
