using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

/// <summary>With <c>hints: true</c> the nodes and VMIs carry the model's NIC bandwidths and dirty rates as annotations.</summary>
public sealed class HintAnnotationsTests(HintsFixture fixture) : IClassFixture<HintsFixture>
{
    private const string Bandwidth = "drain-orchestrator.io/migration-bandwidth";
    private const string DirtyRate = "drain-orchestrator.io/dirty-rate";

    [Fact]
    public async Task Nodes_WithHints_CarryTheirNicBandwidthInBytesPerSecond()
    {
        using var client = fixture.CreateClient();

        var (_, node) = await client.GetJsonAsync("/api/v1/nodes/node-2");
        var (_, wide) = await client.GetJsonAsync("/api/v1/nodes/wide");

        Assert.Equal("1250000000", node["metadata"]!["annotations"]![Bandwidth]!.GetValue<string>());
        Assert.Equal("2Gi", wide["metadata"]!["annotations"]![Bandwidth]!.GetValue<string>());
    }

    [Fact]
    public async Task Vmis_WithHints_CarryTheirGuestsDirtyRate()
    {
        using var client = fixture.CreateClient();

        var db = await client.GetVmiAsync("db");
        var web = await client.GetVmiAsync("web");

        Assert.Equal("800Mi", db["metadata"]!["annotations"]![DirtyRate]!.GetValue<string>());
        Assert.Equal("10Mi", web["metadata"]!["annotations"]![DirtyRate]!.GetValue<string>());
    }

    [Fact]
    public async Task PostDirtyRateChange_WithHints_VmiAnnotationFollowsTheGuest()
    {
        using var client = fixture.CreateClient();

        var (code, _) = await client.SendJsonAsync(HttpMethod.Post, "/sim/v1/cluster-faults",
            JsonNode.Parse("""{"kind":"dirtyRateChange","namespace":"default","name":"batch","dirtyRate":"64Mi"}"""));

        Assert.Equal(HttpStatusCode.OK, code);
        await Eventually.UntilAsync(async () =>
            (await client.GetVmiAsync("batch"))["metadata"]!["annotations"]?[DirtyRate]?.GetValue<string>() == "64Mi", "batch's dirty rate to read 64Mi");
    }

    [Fact]
    public async Task PatchNode_ClientAnnotationsBesideTheHint_KeptWhenTheModelRewritesTheNode()
    {
        using var client = fixture.CreateClient();
        var patch = JsonNode.Parse("""{"metadata":{"annotations":{"team":"storage"}},"spec":{"unschedulable":true}}""");

        var (code, _) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-1", patch, "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, code);
        var node = await NodeWhenCordonedByTheModelAsync(client, "node-1");
        Assert.Equal("storage", node["metadata"]!["annotations"]!["team"]!.GetValue<string>());
        Assert.Equal("1250000000", node["metadata"]!["annotations"]![Bandwidth]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchNode_HintOverwrittenByAClient_TheModelWritesItsTruthBackOnItsNextChange()
    {
        using var client = fixture.CreateClient();
        var patch = JsonNode.Parse("""{"metadata":{"annotations":{"drain-orchestrator.io/migration-bandwidth":"1Mi"}},"spec":{"unschedulable":true}}""");

        var (code, _) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/wide", patch, "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, code);
        var node = await NodeWhenCordonedByTheModelAsync(client, "wide");
        Assert.Equal("2Gi", node["metadata"]!["annotations"]![Bandwidth]!.GetValue<string>());
    }

    // The model's own rewrite of a cordoned node adds the unschedulable taint.
    internal static Task<JsonObject> NodeWhenCordonedByTheModelAsync(HttpClient client, string name) => Eventually.UntilAsync(async () =>
    {
        var (_, node) = await client.GetJsonAsync("/api/v1/nodes/" + name);
        var taints = node["spec"]?["taints"]?.AsArray() ?? [];
        return taints.Any(t => t!["key"]!.GetValue<string>() == "node.kubernetes.io/unschedulable") ? node : null;
    }, name + " to be cordoned by the model");
}
