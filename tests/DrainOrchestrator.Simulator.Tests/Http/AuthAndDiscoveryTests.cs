using System.Net;
using System.Net.Http.Headers;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Http;

public sealed class AuthAndDiscoveryTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Theory]
    [InlineData("/api/v1/nodes")]
    [InlineData("/version")]
    [InlineData("/sim/v1/requests")]
    public async Task Request_WithoutToken_Answers401Status(string path)
    {
        using var client = fixture.CreateClient(withToken: false);

        var (code, status) = await client.GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, code);
        Assert.Equal("Unauthorized", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_WithWrongToken_Answers401()
    {
        using var client = fixture.CreateClient(withToken: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        var (code, _) = await client.GetJsonAsync("/api/v1/nodes");

        Assert.Equal(HttpStatusCode.Unauthorized, code);
    }

    [Fact]
    public async Task Discovery_Groups_ListKubeVirtMigrationsMultusCoordinationAndRbac()
    {
        using var client = fixture.CreateClient();

        var (_, groups) = await client.GetJsonAsync("/apis");

        var names = groups["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>());
        Assert.Equal(["kubevirt.io", "migrations.kubevirt.io", "k8s.cni.cncf.io", "policy", "coordination.k8s.io", "cdi.kubevirt.io",
            "storage.k8s.io", "rbac.authorization.k8s.io", "authorization.k8s.io"], names);
    }

    [Theory]
    [InlineData("/apis/kubevirt.io/v1", "virtualmachineinstances", "vmi", true)]
    [InlineData("/apis/kubevirt.io/v1", "virtualmachineinstancemigrations", "vmim", true)]
    [InlineData("/apis/kubevirt.io/v1", "virtualmachines", "vm", true)]
    [InlineData("/apis/policy/v1", "poddisruptionbudgets", "pdb", true)]
    [InlineData("/apis/cdi.kubevirt.io/v1beta1", "datavolumes", "dv", true)]
    [InlineData("/api/v1", "persistentvolumeclaims", "pvc", true)]
    [InlineData("/apis/storage.k8s.io/v1", "storageclasses", "sc", false)]
    [InlineData("/api/v1", "nodes", "no", false)]
    [InlineData("/api/v1", "pods", "po", true)]
    [InlineData("/api/v1", "namespaces", "ns", false)]
    public async Task Discovery_ResourceList_CarriesShortNamesAndScope(string path, string resource, string shortName, bool namespaced)
    {
        using var client = fixture.CreateClient();

        var (_, list) = await client.GetJsonAsync(path);

        var entry = list["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == resource)!;
        Assert.Contains(shortName, entry["shortNames"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(namespaced, entry["namespaced"]!.GetValue<bool>());
        Assert.Contains("watch", entry["verbs"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Discovery_MigrationPolicies_AreClusterScoped()
    {
        using var client = fixture.CreateClient();

        var (_, list) = await client.GetJsonAsync("/apis/migrations.kubevirt.io/v1alpha1");

        var entry = list["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "migrationpolicies")!;
        Assert.False(entry["namespaced"]!.GetValue<bool>());
        Assert.Equal("MigrationPolicy", entry["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_UnknownPath_Answers404Status()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.GetJsonAsync("/apis/kubevirt.io/v1/namespaces/default/widgets");

        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("NotFound", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_PostToObject_Answers405()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/nodes/node-1", new System.Text.Json.Nodes.JsonObject());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, code);
        Assert.Equal("MethodNotAllowed", status["reason"]!.GetValue<string>());
    }
}
