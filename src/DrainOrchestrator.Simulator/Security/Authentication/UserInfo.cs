namespace DrainOrchestrator.Simulator.Security.Authentication;

/// <summary>Who made a request, as kube-apiserver's authenticators name them: a user name and its groups.</summary>
/// <param name="Name">The user name, e.g. <c>system:serviceaccount:drain-system:drain-orchestrator</c>.</param>
/// <param name="Groups">The groups, <c>system:authenticated</c> among them.</param>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups)
{
    /// <summary>The group every authorizer lets do everything (kube-apiserver's privileged group).</summary>
    public const string Masters = "system:masters";

    /// <summary>The group of every authenticated user.</summary>
    public const string Authenticated = "system:authenticated";

    /// <summary>The group of every ServiceAccount.</summary>
    public const string ServiceAccounts = "system:serviceaccounts";

    /// <summary>The prefix of a ServiceAccount's user name.</summary>
    public const string ServiceAccountPrefix = "system:serviceaccount:";

    /// <summary>The holder of the server's admin token (the kubeconfig's): a member of <see cref="Masters"/>.</summary>
    public static UserInfo Admin { get; } = new("kubernetes-admin", [Masters, Authenticated]);

    /// <summary>Whether the user may do everything without RBAC being consulted.</summary>
    public bool IsMaster => Groups.Contains(Masters, StringComparer.Ordinal);

    /// <summary>The identity of a ServiceAccount's token.</summary>
    public static UserInfo ServiceAccount(string @namespace, string name) =>
        new(ServiceAccountUser(@namespace, name), [ServiceAccounts, ServiceAccounts + ":" + @namespace, Authenticated]);

    /// <summary>The user name of a ServiceAccount: <c>system:serviceaccount:NAMESPACE:NAME</c>.</summary>
    public static string ServiceAccountUser(string @namespace, string name) => $"{ServiceAccountPrefix}{@namespace}:{name}";
}
