using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Security.Authentication;

namespace DrainOrchestrator.Simulator.Security.Authorization;

/// <summary>
/// The RBAC objects of the store at one moment, indexed for the hot path: roles by name, and bindings by subject
/// (user name or group), so authorizing a request reads only the bindings that name its user or one of its groups.
/// Immutable; <see cref="RbacAuthorizer"/> builds a new one after a change of any RBAC object.
/// </summary>
public sealed class RbacSnapshot
{
    private readonly Dictionary<string, IReadOnlyList<PolicyRule>> _clusterRoles;
    private readonly Dictionary<(string Namespace, string Name), IReadOnlyList<PolicyRule>> _roles;
    private readonly Dictionary<string, List<RbacBinding>> _bySubject;

    private RbacSnapshot(
        Dictionary<string, IReadOnlyList<PolicyRule>> clusterRoles,
        Dictionary<(string Namespace, string Name), IReadOnlyList<PolicyRule>> roles,
        Dictionary<string, List<RbacBinding>> bySubject)
    {
        _clusterRoles = clusterRoles;
        _roles = roles;
        _bySubject = bySubject;
    }

    /// <summary>A snapshot without roles or bindings.</summary>
    public static RbacSnapshot Empty { get; } = new([], [], []);

    /// <summary>Reads every role and binding of the store.</summary>
    public static RbacSnapshot Build(IObjectStoreReader store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var clusterRoles = All(store, BuiltInResourceTypes.ClusterRoles)
            .ToDictionary(o => o.Name, o => Rules(o.ToJsonObject()), StringComparer.Ordinal);
        var roles = All(store, BuiltInResourceTypes.Roles)
            .ToDictionary(o => (o.Namespace, o.Name), o => Rules(o.ToJsonObject()));
        var bindings = All(store, BuiltInResourceTypes.ClusterRoleBindings)
            .Concat(All(store, BuiltInResourceTypes.RoleBindings))
            .Select(o => RbacBinding.FromJson(o.Namespace, o.Name, o.ToJsonObject()));
        return FromParts(clusterRoles, roles, bindings);
    }

    /// <summary>A snapshot of the given roles and bindings (roles keyed by namespace and name; cluster roles by name).</summary>
    public static RbacSnapshot FromParts(
        IReadOnlyDictionary<string, IReadOnlyList<PolicyRule>> clusterRoles,
        IReadOnlyDictionary<(string Namespace, string Name), IReadOnlyList<PolicyRule>> roles,
        IEnumerable<RbacBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(clusterRoles);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(bindings);
        var bySubject = new Dictionary<string, List<RbacBinding>>(StringComparer.Ordinal);
        foreach (var binding in bindings)
        {
            foreach (var key in binding.Subjects.Select(s => s.Key).Distinct(StringComparer.Ordinal))
            {
                if (!bySubject.TryGetValue(key, out var list))
                {
                    list = [];
                    bySubject[key] = list;
                }

                list.Add(binding);
            }
        }

        return new RbacSnapshot(
            new Dictionary<string, IReadOnlyList<PolicyRule>>(clusterRoles, StringComparer.Ordinal),
            new Dictionary<(string, string), IReadOnlyList<PolicyRule>>(roles),
            bySubject);
    }

    /// <summary>
    /// The bindings that grant something to the user (by name or group) in <paramref name="namespace"/>: every
    /// ClusterRoleBinding, and the RoleBindings of that namespace (none at the cluster scope, an empty namespace).
    /// </summary>
    public IEnumerable<RbacBinding> BindingsFor(UserInfo user, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(user);
        var seen = new HashSet<RbacBinding>(ReferenceEqualityComparer.Instance);
        foreach (var key in user.Groups.Select(RbacSubject.GroupKey).Prepend(RbacSubject.UserKey(user.Name)))
        {
            if (!_bySubject.TryGetValue(key, out var bindings))
            {
                continue;
            }

            foreach (var binding in bindings)
            {
                if ((binding.IsClusterWide || binding.Namespace == @namespace) && seen.Add(binding))
                {
                    yield return binding;
                }
            }
        }
    }

    /// <summary>The rules of the role a binding refers to, or null when that role does not exist.</summary>
    public IReadOnlyList<PolicyRule>? RulesOf(RbacBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return binding.RoleKind == "ClusterRole"
            ? _clusterRoles.GetValueOrDefault(binding.RoleName)
            : _roles.GetValueOrDefault((binding.Namespace, binding.RoleName));
    }

    private static IEnumerable<StoredObject> All(IObjectStoreReader store, ResourceType type) => store.List(type, ListRequest.All).Items;

    private static IReadOnlyList<PolicyRule> Rules(JsonObject role) =>
        [.. (role["rules"] as JsonArray ?? []).OfType<JsonObject>().Select(PolicyRule.FromJson)];
}
