using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Security.Authentication;

namespace DrainOrchestrator.Simulator.Security.Authorization;

/// <summary>
/// Authorizes every Kubernetes API request as kube-apiserver's chain does: <c>system:masters</c> may do everything,
/// every authenticated user gets <see cref="DefaultPolicy"/>, and otherwise the RBAC objects decide. It reads an
/// indexed <see cref="RbacSnapshot"/>, rebuilt on the first request after any RBAC object changed (it observes the
/// store's commits, inside the write, so a request after a write's answer sees the write).
/// </summary>
public sealed class RbacAuthorizer : IStoreObserver
{
    private readonly IObjectStoreReader _store;
    private long _generation;
    private CachedSnapshot? _cached;

    /// <summary>Creates the authorizer of a store; register it as the store's observer (<see cref="Attach"/>).</summary>
    public RbacAuthorizer(IObjectStoreReader store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Creates the authorizer of a store and registers it as the store's observer.</summary>
    public static RbacAuthorizer Attach(ObjectStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var authorizer = new RbacAuthorizer(store);
        store.AddObserver(authorizer);
        return authorizer;
    }

    /// <summary>The current snapshot of roles and bindings.</summary>
    public RbacSnapshot Snapshot
    {
        get
        {
            var generation = Interlocked.Read(ref _generation);
            if (Volatile.Read(ref _cached) is { } cached && cached.Generation == generation)
            {
                return cached.Snapshot;
            }

            // Built from the generation read first: a change during the build leaves it stale, so the next read rebuilds.
            var built = RbacSnapshot.Build(_store);
            Volatile.Write(ref _cached, new CachedSnapshot(generation, built));
            return built;
        }
    }

    /// <summary>Decides one request.</summary>
    public AuthorizationDecision Authorize(UserInfo user, RequestAttributes request) => Authorize(user, request, Snapshot);

    /// <summary>Decides one request against a given snapshot.</summary>
    public static AuthorizationDecision Authorize(UserInfo user, RequestAttributes request, RbacSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (user.IsMaster)
        {
            return new AuthorizationDecision(true, $"allowed: {user.Name} is in the group {UserInfo.Masters}");
        }

        if (user.Groups.Contains(UserInfo.Authenticated, StringComparer.Ordinal) && DefaultPolicy.AuthenticatedRules.Any(r => r.Allows(request)))
        {
            return new AuthorizationDecision(true, "RBAC: allowed by the built-in discovery and self-review rules of system:authenticated");
        }

        var errors = new List<string>();
        foreach (var binding in snapshot.BindingsFor(user, request.Namespace))
        {
            if (snapshot.RulesOf(binding) is not { } rules)
            {
                errors.Add(MissingRole(binding));
            }
            else if (rules.Any(r => r.Allows(request)))
            {
                var subject = binding.Subjects.First(s => SubjectIs(s, user));
                return new AuthorizationDecision(true, $"RBAC: allowed by {binding.Describe()} to {subject}");
            }
        }

        var reason = errors.Count switch
        {
            0 => "",
            1 => "RBAC: " + errors[0],
            _ => $"RBAC: [{string.Join(", ", errors)}]",
        };
        return new AuthorizationDecision(false, reason);
    }

    /// <summary>Every rule that applies to the user in a namespace (empty for the cluster scope), built-in ones first.</summary>
    public IReadOnlyList<PolicyRule> RulesFor(UserInfo user, string @namespace, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(user);
        var snapshot = Snapshot;
        var found = new List<string>();
        var rules = new List<PolicyRule>(DefaultPolicy.AuthenticatedRules);
        foreach (var binding in snapshot.BindingsFor(user, @namespace))
        {
            if (snapshot.RulesOf(binding) is { } bound)
            {
                rules.AddRange(bound);
            }
            else
            {
                found.Add(MissingRole(binding));
            }
        }

        errors = found;
        return rules;
    }

    /// <inheritdoc />
    public void OnCommitted(StoreEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Object.Type.Group == BuiltInResourceTypes.ClusterRoles.Group)
        {
            Interlocked.Increment(ref _generation);
        }
    }

    private static bool SubjectIs(RbacSubject subject, UserInfo user) =>
        subject.Key == RbacSubject.UserKey(user.Name) || user.Groups.Any(g => subject.Key == RbacSubject.GroupKey(g));

    private static string MissingRole(RbacBinding binding) => binding.RoleKind == "ClusterRole"
        ? $"clusterrole.rbac.authorization.k8s.io \"{binding.RoleName}\" not found"
        : $"role.rbac.authorization.k8s.io \"{binding.RoleName}\" not found";

    private sealed record CachedSnapshot(long Generation, RbacSnapshot Snapshot);
}
