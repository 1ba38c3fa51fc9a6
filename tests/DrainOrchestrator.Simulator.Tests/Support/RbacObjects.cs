using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>RBAC manifests as JSON for the raw API tests.</summary>
public static class RbacObjects
{
    public const string ApiVersion = "rbac.authorization.k8s.io/v1";

    public static JsonObject ClusterRole(string name, params JsonObject[] rules) => new()
    {
        ["apiVersion"] = ApiVersion,
        ["kind"] = "ClusterRole",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["rules"] = new JsonArray([.. rules]),
    };

    public static JsonObject Rule(string[] verbs, string group, params string[] resources) => new()
    {
        ["verbs"] = Strings(verbs),
        ["apiGroups"] = Strings([group]),
        ["resources"] = Strings(resources),
    };

    /// <summary>A ClusterRoleBinding, or with <paramref name="bindingNamespace"/> a RoleBinding, of a ClusterRole to a ServiceAccount.</summary>
    public static JsonObject Binding(string name, string clusterRole, string accountNamespace, string account, string? bindingNamespace = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (bindingNamespace is not null)
        {
            metadata["namespace"] = bindingNamespace;
        }

        return new JsonObject
        {
            ["apiVersion"] = ApiVersion,
            ["kind"] = bindingNamespace is null ? "ClusterRoleBinding" : "RoleBinding",
            ["metadata"] = metadata,
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = clusterRole },
            ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = account, ["namespace"] = accountNamespace }),
        };
    }

    private static JsonArray Strings(string[] values) => new([.. values.Select(v => (JsonNode)v)]);
}
