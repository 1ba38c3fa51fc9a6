namespace DrainOrchestrator.Simulator.Security.Authorization;

/// <summary>A binding's subject: a User, a Group or a ServiceAccount (whose namespace defaults to the binding's).</summary>
/// <param name="Kind"><c>User</c>, <c>Group</c> or <c>ServiceAccount</c>.</param>
/// <param name="Name">The user, group or account name.</param>
/// <param name="Namespace">The ServiceAccount's namespace; empty for the others.</param>
public sealed record RbacSubject(string Kind, string Name, string Namespace)
{
    /// <summary>The subject kinds RBAC knows.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["ServiceAccount", "User", "Group"];

    /// <summary>The key the bindings are indexed by: <c>user:NAME</c> (a ServiceAccount is its user name) or <c>group:NAME</c>.</summary>
    public string Key => Kind switch
    {
        "Group" => GroupKey(Name),
        "ServiceAccount" => UserKey(Authentication.UserInfo.ServiceAccountUser(Namespace, Name)),
        _ => UserKey(Name),
    };

    /// <summary>The index key of a user name.</summary>
    public static string UserKey(string user) => "user:" + user;

    /// <summary>The index key of a group name.</summary>
    public static string GroupKey(string group) => "group:" + group;

    /// <summary>The subject as the RBAC authorizer's reasons name it: <c>ServiceAccount "NAME/NAMESPACE"</c>, <c>User "NAME"</c>.</summary>
    public override string ToString() => Kind == "ServiceAccount" ? $"{Kind} \"{Name}/{Namespace}\"" : $"{Kind} \"{Name}\"";
}
