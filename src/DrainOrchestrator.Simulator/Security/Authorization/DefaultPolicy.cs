namespace DrainOrchestrator.Simulator.Security.Authorization;

/// <summary>
/// What every authenticated user may do without a binding of ours, as kube-apiserver's bootstrap bindings of
/// <c>system:discovery</c> and <c>system:basic-user</c> to <c>system:authenticated</c> allow: read the discovery,
/// version, OpenAPI and health paths, and ask what it may do (self subject access and rules reviews). drain-sim
/// serves no bootstrap role objects; these rules are built in.
/// </summary>
public static class DefaultPolicy
{
    /// <summary>The rules granted to <c>system:authenticated</c>.</summary>
    public static IReadOnlyList<PolicyRule> AuthenticatedRules { get; } =
    [
        new PolicyRule
        {
            Verbs = ["get"],
            NonResourceUrls = ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/readyz", "/openapi", "/openapi/*", "/version", "/version/"],
        },
        new PolicyRule
        {
            Verbs = ["create"],
            ApiGroups = ["authorization.k8s.io"],
            Resources = ["selfsubjectaccessreviews", "selfsubjectrulesreviews"],
        },
    ];
}
