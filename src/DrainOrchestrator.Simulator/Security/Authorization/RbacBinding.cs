using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Security.Authorization;

/// <summary>A RoleBinding (in <see cref="Namespace"/>) or a ClusterRoleBinding (empty namespace), as the authorizer reads it.</summary>
/// <param name="Namespace">The RoleBinding's namespace; empty for a ClusterRoleBinding.</param>
/// <param name="Name">The binding's name.</param>
/// <param name="RoleKind"><c>Role</c> or <c>ClusterRole</c>.</param>
/// <param name="RoleName">The role's name.</param>
/// <param name="Subjects">Who the role is granted to.</param>
public sealed record RbacBinding(string Namespace, string Name, string RoleKind, string RoleName, IReadOnlyList<RbacSubject> Subjects)
{
    /// <summary>Whether this is a ClusterRoleBinding (applies in every namespace and at the cluster scope).</summary>
    public bool IsClusterWide => Namespace.Length == 0;

    /// <summary>Reads a binding from its stored JSON; <paramref name="namespace"/> is empty for a ClusterRoleBinding.</summary>
    public static RbacBinding FromJson(string @namespace, string name, JsonObject binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var roleRef = binding["roleRef"] as JsonObject;
        var subjects = (binding["subjects"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(s => new RbacSubject(
                Text(s, "kind"),
                Text(s, "name"),
                Text(s, "kind") == "ServiceAccount" && Text(s, "namespace").Length == 0 ? @namespace : Text(s, "namespace")))
            .ToList();
        return new RbacBinding(@namespace, name, Text(roleRef, "kind"), Text(roleRef, "name"), subjects);
    }

    /// <summary>The binding as the RBAC authorizer's reasons name it.</summary>
    public string Describe() => IsClusterWide
        ? $"ClusterRoleBinding \"{Name}\" of {RoleKind} \"{RoleName}\""
        : $"RoleBinding \"{Name}/{Namespace}\" of {RoleKind} \"{RoleName}\"";

    private static string Text(JsonObject? obj, string field) =>
        obj?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
