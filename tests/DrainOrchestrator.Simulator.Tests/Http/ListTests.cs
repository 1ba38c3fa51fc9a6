using System.Net;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Http;

public sealed class ListTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Vmis = "/apis/kubevirt.io/v1/virtualmachineinstances";

    [Theory]
    [InlineData("kubevirt.io/nodeName=node-1", "vm-1,vm-3")]
    [InlineData("kubevirt.io/nodeName==node-2", "vm-2,vm-4")]
    [InlineData("kubevirt.io/nodeName!=node-1", "vm-2,vm-4")]
    [InlineData("kubevirt.io/vm in (vm-1,vm-4)", "vm-1,vm-4")]
    [InlineData("kubevirt.io/vm notin (vm-1,vm-4)", "vm-2,vm-3")]
    [InlineData("kubevirt.io/vm", "vm-1,vm-2,vm-3,vm-4")]
    [InlineData("!kubevirt.io/vm", "")]
    [InlineData("kubevirt.io/nodeName=node-1,kubevirt.io/vm=vm-3", "vm-3")]
    public async Task List_LabelSelector_SelectsMatchingObjects(string selector, string expected)
    {
        using var client = fixture.CreateClient();

        var (code, list) = await client.GetJsonAsync($"{Vmis}?labelSelector={Uri.EscapeDataString(selector)}");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(expected, string.Join(',', list.Names()));
    }

    [Theory]
    [InlineData("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-2", 2)]
    [InlineData("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-2,status.phase!%3DSucceeded", 2)]
    [InlineData("/api/v1/nodes?fieldSelector=metadata.name%3Dnode-3", 1)]
    [InlineData("/api/v1/namespaces/kube-system/pods?fieldSelector=metadata.namespace%3Ddefault", 0)]
    [InlineData("/apis/kubevirt.io/v1/virtualmachineinstances?fieldSelector=metadata.namespace%3Ddefault", 4)]
    public async Task List_FieldSelector_SelectsMatchingObjects(string path, int expected)
    {
        using var client = fixture.CreateClient();

        var (_, list) = await client.GetJsonAsync(path);

        Assert.Equal(expected, list["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task List_FieldSelectorOnUnsupportedField_Answers400()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.GetJsonAsync($"{Vmis}?fieldSelector=status.nodeName%3Dnode-1");

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("field label not supported: status.nodeName", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithLimit_PagesThroughEverythingWithContinue()
    {
        using var client = fixture.CreateClient();
        for (var i = 0; i < 7; i++)
        {
            TinyClusterSeeder.AddRunningVm(fixture.Store, "kube-public", $"paged-{i}", "node-3", "1Gi");
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (_, page) = await client.GetJsonAsync($"/apis/kubevirt.io/v1/namespaces/kube-public/virtualmachineinstances?limit=3&continue={token}");
            names.AddRange(page.Names());
            token = page["metadata"]!["continue"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"paged-{i}"), names);
    }

    [Fact]
    public async Task List_Response_CarriesListKindAndResourceVersion()
    {
        using var client = fixture.CreateClient();

        var (_, list) = await client.GetJsonAsync("/apis/migrations.kubevirt.io/v1alpha1/migrationpolicies");

        Assert.Equal("MigrationPolicyList", list["kind"]!.GetValue<string>());
        Assert.Equal(fixture.Store.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), list.ResourceVersion());
    }

    [Fact]
    public async Task Get_Missing_Answers404StatusNamingTheResource()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.GetJsonAsync("/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstancemigrations/nope");

        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("virtualmachineinstancemigrations.kubevirt.io \"nope\" not found", status["message"]!.GetValue<string>());
        Assert.Equal(("Status", "Failure", 404), (status["kind"]!.GetValue<string>(), status["status"]!.GetValue<string>(), status["code"]!.GetValue<int>()));
    }

    [Fact]
    public void Store_ListOfSeededType_IsOrderedByNamespaceThenName()
    {
        var items = fixture.Store.List(BuiltInResourceTypes.Namespaces, ListRequest.All).Items.Select(i => i.Name).ToList();

        Assert.Equal(items.Order(StringComparer.Ordinal), items);
    }
}
