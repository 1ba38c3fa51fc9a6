using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

/// <summary>Without hints (every scenario's default) the model publishes no annotation and owns none.</summary>
public sealed class NoHintAnnotationsTests(NoHintsFixture fixture) : IClassFixture<NoHintsFixture>
{
    private const string Bandwidth = "drain-orchestrator.io/migration-bandwidth";

    [Fact]
    public async Task NodesAndVmis_WithoutHints_HaveNoAnnotations()
    {
        using var client = fixture.CreateClient();

        var (_, node) = await client.GetJsonAsync("/api/v1/nodes/node-2");
        var vmi = await client.GetVmiAsync("db");

        Assert.Null(node["metadata"]!["annotations"]);
        Assert.Null(vmi["metadata"]!["annotations"]);
    }

    [Fact]
    public async Task PatchNode_OperatorsBandwidthAnnotation_KeptWhenTheModelRewritesTheNode()
    {
        using var client = fixture.CreateClient();
        var patch = JsonNode.Parse("""{"metadata":{"annotations":{"drain-orchestrator.io/migration-bandwidth":"5Gi"}},"spec":{"unschedulable":true}}""");

        var (code, _) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-1", patch, "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, code);
        var node = await HintAnnotationsTests.NodeWhenCordonedByTheModelAsync(client, "node-1");
        Assert.Equal("5Gi", node["metadata"]!["annotations"]![Bandwidth]!.GetValue<string>());
    }
}
