using DrainOrchestrator.Simulator.Security.Authentication;
using DrainOrchestrator.Simulator.Security.Authorization;

namespace DrainOrchestrator.Simulator.Tests.Security;

public sealed class RbacEvaluatorTests
{
    private static readonly UserInfo Drainer = UserInfo.ServiceAccount("drain-system", "drainer");

    [Fact]
    public void Authorize_ClusterRoleBindingToServiceAccount_AllowsItsVerbsOnly()
    {
        var snapshot = Cluster(Rule(["get", "list"], [""], ["nodes"]), Sa("drain-system", "drainer"));

        Assert.True(Decide(snapshot, Request("list", "", "nodes")));
        Assert.True(Decide(snapshot, Request("get", "", "nodes", name: "worker-1")));
        Assert.False(Decide(snapshot, Request("watch", "", "nodes")));
        Assert.False(Decide(snapshot, Request("list", "", "pods", ns: "default")));
        Assert.False(Decide(snapshot, Request("list", "kubevirt.io", "nodes")));
    }

    [Fact]
    public void Authorize_Wildcards_MatchAnyVerbGroupAndResource()
    {
        var snapshot = Cluster(Rule(["*"], ["*"], ["*"]), Sa("drain-system", "drainer"));

        Assert.True(Decide(snapshot, Request("deletecollection", "kubevirt.io", "virtualmachineinstancemigrations", ns: "a")));
        Assert.True(Decide(snapshot, Request("patch", "", "nodes", name: "n", subresource: "status")));
    }

    [Fact]
    public void Authorize_Subresources_NeedTheirOwnRule()
    {
        var snapshot = Cluster(Rule(["patch"], [""], ["nodes", "*/eviction"]), Sa("drain-system", "drainer"));

        Assert.True(Decide(snapshot, Request("patch", "", "nodes", name: "n")));
        Assert.False(Decide(snapshot, Request("patch", "", "nodes", name: "n", subresource: "status")));
        Assert.True(Decide(snapshot, Request("patch", "", "pods", ns: "a", name: "p", subresource: "eviction")));

        var status = Cluster(Rule(["patch"], [""], ["nodes/status"]), Sa("drain-system", "drainer"));
        Assert.True(Decide(status, Request("patch", "", "nodes", name: "n", subresource: "status")));
        Assert.False(Decide(status, Request("patch", "", "nodes", name: "n")));
    }

    [Fact]
    public void Authorize_ResourceNames_LimitToThoseObjects()
    {
        var rule = Rule(["get", "update"], ["coordination.k8s.io"], ["leases"]) with { ResourceNames = ["drain-lock"] };
        var snapshot = Cluster(rule, Sa("drain-system", "drainer"));

        Assert.True(Decide(snapshot, Request("get", "coordination.k8s.io", "leases", ns: "x", name: "drain-lock")));
        Assert.False(Decide(snapshot, Request("get", "coordination.k8s.io", "leases", ns: "x", name: "other")));
        Assert.False(Decide(snapshot, Request("list", "coordination.k8s.io", "leases", ns: "x")));
    }

    [Fact]
    public void Authorize_RoleBindingToClusterRole_GrantsOnlyInTheBindingsNamespace()
    {
        var roles = new Dictionary<string, IReadOnlyList<PolicyRule>> { ["lease-writer"] = [Rule(["create"], ["coordination.k8s.io"], ["leases"])] };
        var binding = new RbacBinding("drain-system", "writes-leases", "ClusterRole", "lease-writer", [Sa("drain-system", "drainer")]);
        var snapshot = RbacSnapshot.FromParts(roles, new Dictionary<(string, string), IReadOnlyList<PolicyRule>>(), [binding]);

        Assert.True(Decide(snapshot, Request("create", "coordination.k8s.io", "leases", ns: "drain-system")));
        Assert.False(Decide(snapshot, Request("create", "coordination.k8s.io", "leases", ns: "default")));
        Assert.False(Decide(snapshot, Request("create", "coordination.k8s.io", "leases")));
    }

    [Fact]
    public void Authorize_RoleBindingToRole_ReadsTheRoleOfItsOwnNamespace()
    {
        var roles = new Dictionary<(string, string), IReadOnlyList<PolicyRule>>
        {
            [("drain-system", "reader")] = [Rule(["get"], [""], ["pods"])],
            [("other", "reader")] = [Rule(["delete"], [""], ["pods"])],
        };
        var binding = new RbacBinding("drain-system", "reads", "Role", "reader", [Sa("drain-system", "drainer")]);
        var snapshot = RbacSnapshot.FromParts(new Dictionary<string, IReadOnlyList<PolicyRule>>(), roles, [binding]);

        Assert.True(Decide(snapshot, Request("get", "", "pods", ns: "drain-system", name: "p")));
        Assert.False(Decide(snapshot, Request("delete", "", "pods", ns: "drain-system", name: "p")));
    }

    [Fact]
    public void Authorize_GroupSubjects_MatchEveryMember()
    {
        var allAccounts = Cluster(Rule(["list"], [""], ["nodes"]), new RbacSubject("Group", UserInfo.ServiceAccounts, ""));
        var oneNamespace = Cluster(Rule(["list"], [""], ["nodes"]), new RbacSubject("Group", "system:serviceaccounts:other", ""));
        var user = Cluster(Rule(["list"], [""], ["nodes"]), new RbacSubject("User", "system:serviceaccount:drain-system:drainer", ""));

        Assert.True(Decide(allAccounts, Request("list", "", "nodes")));
        Assert.False(Decide(oneNamespace, Request("list", "", "nodes")));
        Assert.True(Decide(user, Request("list", "", "nodes")));
    }

    [Fact]
    public void Authorize_OtherServiceAccount_IsNotGranted()
    {
        var snapshot = Cluster(Rule(["list"], [""], ["nodes"]), Sa("drain-system", "drainer"));

        Assert.False(RbacAuthorizer.Authorize(UserInfo.ServiceAccount("other", "drainer"), Request("list", "", "nodes"), snapshot).Allowed);
    }

    [Fact]
    public void Authorize_BindingToMissingRole_DeniesWithTheRbacReason()
    {
        var binding = new RbacBinding("", "dangling", "ClusterRole", "gone", [Sa("drain-system", "drainer")]);
        var snapshot = RbacSnapshot.FromParts(new Dictionary<string, IReadOnlyList<PolicyRule>>(),
            new Dictionary<(string, string), IReadOnlyList<PolicyRule>>(), [binding]);

        var decision = RbacAuthorizer.Authorize(Drainer, Request("list", "", "nodes"), snapshot);

        Assert.False(decision.Allowed);
        Assert.Equal("RBAC: clusterrole.rbac.authorization.k8s.io \"gone\" not found", decision.Reason);
    }

    [Fact]
    public void Authorize_MastersAndDefaults_NeedNoBinding()
    {
        Assert.True(RbacAuthorizer.Authorize(UserInfo.Admin, Request("delete", "", "nodes", name: "n"), RbacSnapshot.Empty).Allowed);
        Assert.True(RbacAuthorizer.Authorize(Drainer, new RequestAttributes { Verb = "get", IsResourceRequest = false, Path = "/apis/kubevirt.io/v1" }, RbacSnapshot.Empty).Allowed);
        Assert.True(RbacAuthorizer.Authorize(Drainer, Request("create", "authorization.k8s.io", "selfsubjectaccessreviews"), RbacSnapshot.Empty).Allowed);
        Assert.False(RbacAuthorizer.Authorize(Drainer, Request("list", "", "nodes"), RbacSnapshot.Empty).Allowed);
    }

    [Theory]
    [InlineData("GET", "/api/v1/nodes", null, null, "list", "", "nodes", "", "", "")]
    [InlineData("GET", "/api/v1/nodes", "1", null, "watch", "", "nodes", "", "", "")]
    [InlineData("GET", "/api/v1/watch/namespaces/a/pods", null, null, "watch", "", "pods", "", "a", "")]
    [InlineData("PATCH", "/api/v1/nodes/n1/status", null, null, "patch", "", "nodes", "status", "", "n1")]
    [InlineData("POST", "/api/v1/namespaces/a/pods/p/eviction", null, null, "create", "", "pods", "eviction", "a", "p")]
    [InlineData("DELETE", "/apis/kubevirt.io/v1/namespaces/a/virtualmachineinstancemigrations", null, null, "deletecollection", "kubevirt.io", "virtualmachineinstancemigrations", "", "a", "")]
    [InlineData("GET", "/api/v1/namespaces/a", null, null, "get", "", "namespaces", "", "a", "a")]
    [InlineData("GET", "/apis/coordination.k8s.io/v1/namespaces/a/leases", "true", "metadata.name=lock", "watch", "coordination.k8s.io", "leases", "", "a", "lock")]
    public void Parse_Requests_GiveTheirRbacAttributes(string method, string path, string? watch, string? fields,
        string verb, string group, string resource, string subresource, string ns, string name)
    {
        var parsed = RequestAttributesParser.Parse(method, path, path.Trim('/').Split('/'), watch, fields);

        Assert.Equal(new RequestAttributes
        {
            Verb = verb,
            ApiGroup = group,
            ApiVersion = "v1",
            Resource = resource,
            Subresource = subresource,
            Namespace = ns,
            Name = name,
        }, parsed);
    }

    [Fact]
    public void Parse_Discovery_IsANonResourceRequest()
    {
        var parsed = RequestAttributesParser.Parse("GET", "/apis/kubevirt.io/v1", ["apis", "kubevirt.io", "v1"], null, null);

        Assert.False(parsed.IsResourceRequest);
        Assert.Equal("/apis/kubevirt.io/v1", parsed.Path);
    }

    private static bool Decide(RbacSnapshot snapshot, RequestAttributes request) =>
        RbacAuthorizer.Authorize(Drainer, request, snapshot).Allowed;

    private static RbacSnapshot Cluster(PolicyRule rule, RbacSubject subject) => RbacSnapshot.FromParts(
        new Dictionary<string, IReadOnlyList<PolicyRule>> { ["role"] = [rule] },
        new Dictionary<(string, string), IReadOnlyList<PolicyRule>>(),
        [new RbacBinding("", "binding", "ClusterRole", "role", [subject])]);

    private static PolicyRule Rule(string[] verbs, string[] groups, string[] resources) =>
        new() { Verbs = verbs, ApiGroups = groups, Resources = resources };

    private static RbacSubject Sa(string ns, string name) => new("ServiceAccount", name, ns);

    private static RequestAttributes Request(string verb, string group, string resource, string ns = "", string name = "", string subresource = "") =>
        new() { Verb = verb, ApiGroup = group, ApiVersion = "v1", Resource = resource, Namespace = ns, Name = name, Subresource = subresource };
}
