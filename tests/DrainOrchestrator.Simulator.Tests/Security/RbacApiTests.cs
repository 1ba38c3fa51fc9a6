using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Security;

public sealed class RbacApiTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Rbac = "/apis/rbac.authorization.k8s.io/v1";

    [Fact]
    public async Task List_WithoutBinding_Answers403AsKubeApiserver()
    {
        using var client = fixture.CreateClient(fixture.Server.ServiceAccountToken("rbac-a", "nobody"));

        var (code, status) = await client.GetJsonAsync("/api/v1/namespaces/default/pods");

        Assert.Equal(HttpStatusCode.Forbidden, code);
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal("Failure", status["status"]!.GetValue<string>());
        Assert.Equal("Forbidden", status["reason"]!.GetValue<string>());
        Assert.Equal(403, status["code"]!.GetValue<int>());
        Assert.Equal("""{"kind":"pods"}""", status["details"]!.ToJsonString());
        Assert.Equal(
            "pods is forbidden: User \"system:serviceaccount:rbac-a:nobody\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"",
            status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchNodeStatus_WithoutBinding_NamesSubresourceAndClusterScope()
    {
        using var client = fixture.CreateClient(fixture.Server.ServiceAccountToken("rbac-b", "nobody"));

        var (code, status) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-1/status",
            new JsonObject { ["status"] = new JsonObject() }, "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.Forbidden, code);
        Assert.Equal("""{"name":"node-1","kind":"nodes"}""", status["details"]!.ToJsonString());
        Assert.Equal(
            "nodes \"node-1\" is forbidden: User \"system:serviceaccount:rbac-b:nobody\" cannot patch resource \"nodes/status\" in API group \"\" at the cluster scope",
            status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListAllowed_WatchStillForbidden()
    {
        using var admin = fixture.CreateClient();
        await CreateAsync(admin, $"{Rbac}/clusterroles", RbacObjects.ClusterRole("vmi-lister",
            RbacObjects.Rule(["list"], "kubevirt.io", "virtualmachineinstances")));
        await CreateAsync(admin, $"{Rbac}/clusterrolebindings", RbacObjects.Binding("vmi-lister", "vmi-lister", "rbac-c", "lister"));
        using var client = fixture.CreateClient(fixture.Server.ServiceAccountToken("rbac-c", "lister"));

        var (listed, _) = await client.GetJsonAsync("/apis/kubevirt.io/v1/virtualmachineinstances");
        var (watched, status) = await client.GetJsonAsync("/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances?watch=1");

        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Equal(HttpStatusCode.Forbidden, watched);
        Assert.Equal(
            "virtualmachineinstances.kubevirt.io is forbidden: User \"system:serviceaccount:rbac-c:lister\" cannot watch resource \"virtualmachineinstances\" in API group \"kubevirt.io\" in the namespace \"default\"",
            status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task RoleBinding_TakesEffectAtOnceAndOnlyInItsNamespace_UntilDeleted()
    {
        using var admin = fixture.CreateClient();
        using var client = fixture.CreateClient(fixture.Server.ServiceAccountToken("rbac-d", "podreader"));
        await CreateAsync(admin, $"{Rbac}/clusterroles", RbacObjects.ClusterRole("pod-reader", RbacObjects.Rule(["get", "list"], "", "pods")));

        await CreateAsync(admin, $"{Rbac}/namespaces/default/rolebindings", RbacObjects.Binding("reads-pods", "pod-reader", "rbac-d", "podreader", "default"));
        var (inNamespace, _) = await client.GetJsonAsync("/api/v1/namespaces/default/pods");
        var (elsewhere, _) = await client.GetJsonAsync("/api/v1/namespaces/kubevirt/pods");
        var (allNamespaces, _) = await client.GetJsonAsync("/api/v1/pods");
        var (deleted, _) = await admin.SendJsonAsync(HttpMethod.Delete, $"{Rbac}/namespaces/default/rolebindings/reads-pods");
        var (afterDelete, _) = await client.GetJsonAsync("/api/v1/namespaces/default/pods");

        Assert.Equal(HttpStatusCode.OK, inNamespace);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere);
        Assert.Equal(HttpStatusCode.Forbidden, allNamespaces);
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(HttpStatusCode.Forbidden, afterDelete);
    }

    [Fact]
    public async Task TokenRequest_IssuesATokenThatDiesWithItsServiceAccount()
    {
        using var admin = fixture.CreateClient();
        fixture.Server.ServiceAccountToken("rbac-e", "short-lived");
        var (created, request) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/namespaces/rbac-e/serviceaccounts/short-lived/token",
            new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "TokenRequest", ["spec"] = new JsonObject() });
        using var client = fixture.CreateClient(request["status"]!["token"]!.GetValue<string>());

        var (before, _) = await client.GetJsonAsync("/version");
        var (deleted, _) = await admin.SendJsonAsync(HttpMethod.Delete, "/api/v1/namespaces/rbac-e/serviceaccounts/short-lived");
        fixture.Server.ServiceAccountToken("rbac-e", "short-lived"); // the same name again is another account
        var (after, _) = await client.GetJsonAsync("/version");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(3600, request["spec"]!["expirationSeconds"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(HttpStatusCode.Unauthorized, after);
    }

    [Fact]
    public async Task TokenRequest_ForMissingAccount_Answers404()
    {
        using var admin = fixture.CreateClient();

        var (code, status) = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts/ghost/token",
            new JsonObject { ["spec"] = new JsonObject() });

        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("serviceaccounts \"ghost\" not found", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AdminTokensEndpoint_RegistersAChosenToken_AndRefusesServiceAccountsItself()
    {
        using var admin = fixture.CreateClient();
        const string Chosen = "rbac-f-chosen-token-0123456789";

        var (code, answer) = await admin.SendJsonAsync(HttpMethod.Post, "/sim/v1/tokens",
            new JsonObject { ["namespace"] = "rbac-f", ["serviceAccount"] = "mounted", ["token"] = Chosen });
        using var client = fixture.CreateClient(Chosen);
        var (own, status) = await client.GetJsonAsync("/sim/v1/requests");
        var (bad, problems) = await admin.SendJsonAsync(HttpMethod.Post, "/sim/v1/tokens", new JsonObject { ["namespace"] = "Bad_NS", ["token"] = "short" });

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("system:serviceaccount:rbac-f:mounted", answer["user"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, own);
        Assert.StartsWith("forbidden: User \"system:serviceaccount:rbac-f:mounted\" cannot get path \"/sim/v1/requests\"",
            status["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        var message = problems["message"]!.GetValue<string>();
        Assert.Contains("namespace must be", message, StringComparison.Ordinal);
        Assert.Contains("serviceAccount name must be", message, StringComparison.Ordinal);
        Assert.Contains("token must be at least 16 characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfSubjectAccessReview_AnswersForTheCaller()
    {
        using var admin = fixture.CreateClient();
        await CreateAsync(admin, $"{Rbac}/clusterroles", RbacObjects.ClusterRole("vmim-creator",
            RbacObjects.Rule(["create"], "kubevirt.io", "virtualmachineinstancemigrations")));
        await CreateAsync(admin, $"{Rbac}/namespaces/default/rolebindings", RbacObjects.Binding("creates-vmims", "vmim-creator", "rbac-g", "migrator", "default"));
        using var client = fixture.CreateClient(fixture.Server.ServiceAccountToken("rbac-g", "migrator"));

        Assert.True(await CanAsync(client, "create", "default"));
        Assert.False(await CanAsync(client, "create", "kubevirt"));
        Assert.False(await CanAsync(client, "delete", "default"));
        Assert.True(await CanAsync(admin, "delete", "kubevirt"));
    }

    [Fact]
    public async Task InvalidRoleAndBinding_Answer422WithEveryProblem()
    {
        using var admin = fixture.CreateClient();
        var role = RbacObjects.ClusterRole("broken", new JsonObject { ["verbs"] = new JsonArray(), ["resources"] = new JsonArray("pods") });
        var binding = RbacObjects.Binding("broken", "x", "default", "y");
        binding["roleRef"]!["kind"] = "Secret";
        binding["subjects"]!.AsArray().Add(new JsonObject { ["kind"] = "Robot", ["name"] = "r2" });

        var (roleCode, roleStatus) = await admin.SendJsonAsync(HttpMethod.Post, $"{Rbac}/clusterroles", role);
        var (bindingCode, bindingStatus) = await admin.SendJsonAsync(HttpMethod.Post, $"{Rbac}/clusterrolebindings", binding);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, roleCode);
        Assert.Contains("rules[0].verbs: Required value", roleStatus["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("rules[0].apiGroups: Required value", roleStatus["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bindingCode);
        Assert.Contains("roleRef.kind: Unsupported value: \"Secret\"", bindingStatus["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("subjects[1].kind: Unsupported value: \"Robot\"", bindingStatus["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<bool> CanAsync(HttpClient client, string verb, string ns)
    {
        var review = new JsonObject
        {
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["kind"] = "SelfSubjectAccessReview",
            ["spec"] = new JsonObject
            {
                ["resourceAttributes"] = new JsonObject
                {
                    ["namespace"] = ns,
                    ["verb"] = verb,
                    ["group"] = "kubevirt.io",
                    ["resource"] = "virtualmachineinstancemigrations",
                },
            },
        };
        var (code, answer) = await client.SendJsonAsync(HttpMethod.Post, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review);
        Assert.Equal(HttpStatusCode.Created, code);
        return answer["status"]!["allowed"]!.GetValue<bool>();
    }

    private static async Task CreateAsync(HttpClient admin, string path, JsonObject obj)
    {
        var (code, body) = await admin.SendJsonAsync(HttpMethod.Post, path, obj);
        Assert.True(code == HttpStatusCode.Created, $"POST {path}: {(int)code} {body.ToJsonString()}");
    }
}
