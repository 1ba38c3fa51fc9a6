using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

/// <summary>What a scenario renders into the API, and the client writes the simulated cluster refuses or takes.</summary>
public sealed class ScenarioSeedingTests(BridgeFixture fixture) : IClassFixture<BridgeFixture>
{
    [Fact]
    public async Task Nodes_FromTheScenario_CarryLabelsMemoryVersionAndReadiness()
    {
        using var client = fixture.CreateClient();

        var (_, node) = await client.GetJsonAsync("/api/v1/nodes/node-1");

        Assert.Equal("node-1", node["metadata"]!["labels"]!["kubernetes.io/hostname"]!.GetValue<string>());
        Assert.Equal("128Gi", node["status"]!["allocatable"]!["memory"]!.GetValue<string>());
        Assert.Equal("v1.32.1", node["status"]!["nodeInfo"]!["kubeletVersion"]!.GetValue<string>());
        var ready = node["status"]!["conditions"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "Ready")!;
        Assert.Equal("True", ready["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Vmis_FromTheScenario_AreLabelledWithTheirNodeAndHaveOneLauncherPodThere()
    {
        using var client = fixture.CreateClient();

        var vmis = (await client.GetJsonAsync(MigrationApi.Vmis)).Body["items"]!.AsArray();
        var pods = (await client.GetJsonAsync("/api/v1/namespaces/default/pods")).Body["items"]!.AsArray();

        Assert.Equal(30, vmis.Count);
        foreach (var vmi in vmis)
        {
            var name = vmi!["metadata"]!["name"]!.GetValue<string>();
            var node = vmi["status"]!["nodeName"]!.GetValue<string>();
            Assert.Equal(node, vmi["metadata"]!["labels"]!["kubevirt.io/nodeName"]!.GetValue<string>());
            var launchers = pods.Where(p => p!["metadata"]!["labels"]!["vm.kubevirt.io/name"]!.GetValue<string>() == name).ToList();
            Assert.Equal(node, Assert.Single(launchers)!["spec"]!["nodeName"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Vmi_NotMigratable_HasLiveMigratableFalseWithTheReason()
    {
        using var client = fixture.CreateClient();

        var vmi = await client.GetVmiAsync("pinned-disk");

        var condition = vmi["status"]!["conditions"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "LiveMigratable")!;
        Assert.Equal(("False", "DisksNotLiveMigratable"), (condition["status"]!.GetValue<string>(), condition["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateVmi_Directly_IsRefusedSayingWhy()
    {
        using var client = fixture.CreateClient();
        var vmi = new JsonObject
        {
            ["apiVersion"] = "kubevirt.io/v1",
            ["kind"] = "VirtualMachineInstance",
            ["metadata"] = new JsonObject { ["name"] = "handmade" },
            ["spec"] = new JsonObject(),
        };

        var (code, status) = await client.SendJsonAsync(HttpMethod.Post, MigrationApi.Vmis, vmi);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, code);
        Assert.Contains("drain-sim cannot create", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchKubeVirt_InvalidMigrationConfig_Is422ListingEveryProblem()
    {
        using var client = fixture.CreateClient();
        var patch = JsonNode.Parse("""{"spec":{"configuration":{"migrations":{"parallelMigrationsPerCluster":0,"progressTimeout":-5}}}}""");

        var (code, status) = await client.SendJsonAsync(HttpMethod.Patch, "/apis/kubevirt.io/v1/namespaces/kubevirt/kubevirts/kubevirt",
            patch, "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        var message = status["message"]!.GetValue<string>();
        Assert.Contains("parallelMigrationsPerCluster must be at least 1, was 0", message, StringComparison.Ordinal);
        Assert.Contains("progressTimeout must be positive", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchKubeVirt_NewLimit_ReachesTheModel()
    {
        using var client = fixture.CreateClient();
        var patch = JsonNode.Parse("""{"spec":{"configuration":{"migrations":{"parallelMigrationsPerCluster":3}}}}""");

        var (code, _) = await client.SendJsonAsync(HttpMethod.Patch, "/apis/kubevirt.io/v1/namespaces/kubevirt/kubevirts/kubevirt",
            patch, "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(3, fixture.Model.Cluster.MigrationConfig.ParallelMigrationsPerCluster);
        Assert.Equal(2, fixture.Model.Cluster.MigrationConfig.ParallelOutboundMigrationsPerNode);
    }

    [Fact]
    public async Task PostClusterFault_Malformed_Is400ListingEveryProblem()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.SendJsonAsync(HttpMethod.Post, "/sim/v1/cluster-faults",
            JsonNode.Parse("""{"faults":[{"kind":"nodeNotReady"},{"kind":"meteor"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, code);
        var message = status["message"]!.GetValue<string>();
        Assert.Contains("faults[0]: nodeNotReady fault needs \"node\"", message, StringComparison.Ordinal);
        Assert.Contains("faults[0]: nodeNotReady fault needs \"duration\"", message, StringComparison.Ordinal);
        Assert.Contains("faults[1]: kind must be one of", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostClusterFault_UnknownNode_Is422()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.SendJsonAsync(HttpMethod.Post, "/sim/v1/cluster-faults",
            JsonNode.Parse("""{"kind":"migrationNetworkLoss","node":"node-99","duration":"10s"}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains("unknown node \"node-99\"", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostClusterFault_NodeNotReady_ShowsOnTheNodeAndInTheList()
    {
        using var client = fixture.CreateClient();

        var (code, listed) = await client.SendJsonAsync(HttpMethod.Post, "/sim/v1/cluster-faults",
            JsonNode.Parse("""{"kind":"nodeNotReady","node":"node-4","duration":"10m"}"""));

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Contains(listed["faults"]!.AsArray(), f => f!["node"]!.GetValue<string>() == "node-4");
        await Eventually.UntilAsync(async () =>
        {
            var (_, node) = await client.GetJsonAsync("/api/v1/nodes/node-4");
            return node["status"]!["conditions"]!.AsArray().Any(c => c!["type"]!.GetValue<string>() == "Ready" && c["status"]!.GetValue<string>() == "False")
                && node["spec"]!["taints"]!.AsArray().Any(t => t!["key"]!.GetValue<string>() == "node.kubernetes.io/not-ready");
        }, "node-4 to show NotReady");
    }

    [Fact]
    public async Task GetGroundTruth_HasTheModelsReportAndRequestCounts()
    {
        using var client = fixture.CreateClient();
        await client.GetJsonAsync("/api/v1/nodes");

        var truth = await client.GroundTruthAsync();

        Assert.Equal("bridge-test", truth["scenario"]!.GetValue<string>());
        Assert.NotNull(truth["migrations"]);
        Assert.Contains(truth["requests"]!["requests"]!.AsArray(),
            r => r!["resource"]!.GetValue<string>() == "nodes" && r["verb"]!.GetValue<string>() == "list");
    }
}
