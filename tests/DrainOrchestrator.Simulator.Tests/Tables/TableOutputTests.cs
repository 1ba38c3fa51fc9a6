using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Tables;

/// <summary>Server-side printing over HTTPS: the Table kubectl asks for, per resource type, from the model's objects.</summary>
public sealed class TableOutputTests(BridgeFixture fixture) : IClassFixture<BridgeFixture>
{
    private const string TableAccept =
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    [Fact]
    public async Task ListVmis_AsTable_HasKubeVirtsColumnsAndTheVmisValues()
    {
        using var client = fixture.CreateClient();

        var table = await GetTableAsync(client, MigrationApi.Vmis);

        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        Assert.Equal("meta.k8s.io/v1", table["apiVersion"]!.GetValue<string>());
        Assert.NotNull(table["metadata"]!["resourceVersion"]);
        Assert.Equal(["Name", "Age", "Phase", "IP", "NodeName", "Ready", "Live-Migratable", "Paused"], Columns(table, "name"));
        Assert.Equal(["string", "date", "string", "string", "string", "string", "string", "string"], Columns(table, "type"));
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1], Column<int>(table, "priority"));
        Assert.Equal("name", table["columnDefinitions"]![0]!["format"]!.GetValue<string>());
        var vmi = await client.GetVmiAsync("pinned-disk");
        var pods = (await client.GetJsonAsync("/api/v1/namespaces/default/pods?labelSelector=vm.kubevirt.io%2Fname%3Dpinned-disk")).Body;
        var row = Row(table, "pinned-disk");
        var cells = row["cells"]!.AsArray();
        Assert.Equal("Running", cells[2]!.GetValue<string>());
        Assert.Equal(pods["items"]![0]!["status"]!["podIP"]!.GetValue<string>(), cells[3]!.GetValue<string>());
        Assert.Equal(vmi["status"]!["nodeName"]!.GetValue<string>(), cells[4]!.GetValue<string>());
        Assert.Equal("True", cells[5]!.GetValue<string>());
        Assert.Equal("False", cells[6]!.GetValue<string>());
        Assert.Null(cells[7]);
        Assert.Matches("^[0-9]+(s|m)", cells[1]!.GetValue<string>());
        Assert.Equal("PartialObjectMetadata", row["object"]!["kind"]!.GetValue<string>());
        Assert.Equal("default", row["object"]!["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Null(row["object"]!["status"]);
    }

    [Fact]
    public async Task GetVmim_AsTableWithObject_ShowsPhaseAndVmiAndTheFinalMigrationStateOfTheVmi()
    {
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.CreateVmimAsync("printed", "solo-6")).Code);
        await client.WaitForPhaseAsync("printed", "Succeeded");

        var table = await GetTableAsync(client, $"{MigrationApi.Vmims}/printed?includeObject=Object");

        Assert.Equal(["Name", "Phase", "VMI"], Columns(table, "name"));
        var row = Assert.Single(table["rows"]!.AsArray())!;
        Assert.Equal(["printed", "Succeeded", "solo-6"], row["cells"]!.AsArray().Select(c => c!.GetValue<string>()));
        var vmimState = row["object"]!["status"]!["migrationState"]!;
        var vmiState = (await client.GetVmiAsync("solo-6"))["status"]!["migrationState"]!;
        Assert.Equal(vmiState.ToJsonString(), vmimState.ToJsonString());
        Assert.True(vmimState["completed"]!.GetValue<bool>());
        Assert.Equal("node-1", vmimState["sourceNode"]!.GetValue<string>());
        Assert.Equal(row["object"]!["metadata"]!["uid"]!.GetValue<string>(), vmimState["migrationUid"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListNodesAndPods_AsTables_PrintAsKubeApiserverDoes()
    {
        using var client = fixture.CreateClient();

        var nodes = await GetTableAsync(client, "/api/v1/nodes?limit=2&includeObject=None");
        var pods = await GetTableAsync(client, "/api/v1/pods");

        Assert.Equal(["Name", "Status", "Roles", "Age", "Version", "Internal-IP", "External-IP", "OS-Image", "Kernel-Version",
            "Container-Runtime"], Columns(nodes, "name"));
        Assert.Equal(2, nodes["rows"]!.AsArray().Count);
        Assert.NotNull(nodes["metadata"]!["continue"]);
        var node = nodes["rows"]![0]!;
        Assert.Null(node["object"]);
        Assert.Equal(["node-1", "Ready", "<none>"], node["cells"]!.AsArray().Take(3).Select(c => c!.GetValue<string>()));
        Assert.Equal("v1.32.1", node["cells"]![4]!.GetValue<string>());
        Assert.Equal(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"], Columns(pods, "name"));
        Assert.Contains(pods["rows"]!.AsArray(), r =>
            r!["cells"]![1]!.GetValue<string>() == "1/1" && r["cells"]![2]!.GetValue<string>() == "Running" && r["cells"]![3]!.GetValue<string>() == "0");
    }

    [Fact]
    public async Task WatchVmis_AsTable_EachEventIsAOneRowTableWithColumnsOnlyInTheFirst()
    {
        using var client = fixture.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", TableAccept);

        using var watch = await WatchStream.OpenAsync(client, MigrationApi.Vmis + "?watch=1");
        var first = (await watch.NextAsync())!;
        var second = (await watch.NextAsync())!;

        Assert.Equal(HttpStatusCode.OK, watch.Code);
        Assert.Equal("ADDED", first["type"]!.GetValue<string>());
        Assert.Equal("Table", first["object"]!["kind"]!.GetValue<string>());
        Assert.Equal(8, first["object"]!["columnDefinitions"]!.AsArray().Count);
        Assert.Single(first["object"]!["rows"]!.AsArray());
        Assert.Equal("Table", second["object"]!["kind"]!.GetValue<string>());
        Assert.Null(second["object"]!["columnDefinitions"]);
        Assert.Equal("Running", second["object"]!["rows"]![0]!["cells"]![2]!.GetValue<string>());
    }

    [Fact]
    public async Task ListVmis_PlainJsonAccepted_IsStillTheList()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, MigrationApi.Vmis);
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await client.SendAsync(request);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("VirtualMachineInstanceList", body["kind"]!.GetValue<string>());
    }

    private static async Task<JsonObject> GetTableAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", TableAccept);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string[] Columns(JsonObject table, string field) => Column<string>(table, field);

    private static T[] Column<T>(JsonObject table, string field) =>
        [.. table["columnDefinitions"]!.AsArray().Select(c => c![field]!.GetValue<T>())];

    private static JsonObject Row(JsonObject table, string name) =>
        table["rows"]!.AsArray().Single(r => r!["cells"]![0]!.GetValue<string>() == name)!.AsObject();
}
