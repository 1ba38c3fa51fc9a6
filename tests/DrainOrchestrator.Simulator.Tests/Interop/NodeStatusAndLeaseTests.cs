using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Interop;

/// <summary>
/// What other tools' interoperation needs from drain-sim, as a real API server gives it: conditions a client sets on
/// nodes/NAME/status survive the model's own rewrites of the node, a fault rule refuses them 403 as RBAC would, and
/// Leases need their namespace.
/// </summary>
public sealed class NodeStatusAndLeaseTests(BridgeFixture fixture) : IClassFixture<BridgeFixture>
{
    private const string StrategicMerge = "application/strategic-merge-patch+json";

    [Fact]
    public async Task PatchNodeStatus_ClientCondition_IsKeptWhenTheModelRewritesTheNode()
    {
        using var client = fixture.CreateClient();

        var (code, patched) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-3/status", Condition("DrainInProgress", "True"), StrategicMerge);
        await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-3", JsonNode.Parse("""{"spec":{"unschedulable":true}}"""),
            "application/merge-patch+json");
        var node = await Eventually.UntilAsync(async () =>
        {
            var (_, n) = await client.GetJsonAsync("/api/v1/nodes/node-3");
            return n["spec"]?["taints"]?.AsArray().Any(t => t?["key"]?.GetValue<string>() == "node.kubernetes.io/unschedulable") == true ? n : null;
        }, "the model to render node-3 cordoned");
        await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-3", JsonNode.Parse("""{"spec":{"unschedulable":null}}"""),
            "application/merge-patch+json");

        Assert.True(code == HttpStatusCode.OK, $"{code}: {patched.ToJsonString()}");
        Assert.Equal("True", ConditionOf(patched, "DrainInProgress")?["status"]?.GetValue<string>());
        Assert.Equal("True", ConditionOf(node, "DrainInProgress")?["status"]?.GetValue<string>());
        Assert.Equal("DrainStarted", ConditionOf(node, "DrainInProgress")?["reason"]?.GetValue<string>());
        Assert.Equal("True", ConditionOf(node, "Ready")?["status"]?.GetValue<string>());
    }

    [Fact]
    public async Task KubectlGetNode_AfterAStatusPatch_ShowsTheClientsConditions()
    {
        using var client = fixture.CreateClient();
        var (code, _) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-2/status", Condition("Drained", "True"), StrategicMerge);

        var yaml = await fixture.Kubectl.SucceedAsync("get", "node", "node-2", "-o", "yaml");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Contains("type: Drained", yaml, StringComparison.Ordinal);
        Assert.Contains("reason: DrainStarted", yaml, StringComparison.Ordinal);
        Assert.Contains("type: Ready", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchNodeStatus_ForbiddenByAFaultRule_Is403WhileTheNodeItselfStaysWritable()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Put, "/sim/v1/faults",
            JsonNode.Parse("""{"rules":[{"resource":"nodes/status","verb":"patch","forbid":true}]}"""));
        try
        {
            var (statusCode, status) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-4/status", Condition("Drained", "True"), StrategicMerge);
            var (nodeCode, _) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-4",
                JsonNode.Parse("""{"metadata":{"annotations":{"example.com/touched":"yes"}}}"""), "application/merge-patch+json");
            var (_, node) = await client.GetJsonAsync("/api/v1/nodes/node-4");

            Assert.Equal(HttpStatusCode.Forbidden, statusCode);
            Assert.Equal("Forbidden", status["reason"]!.GetValue<string>());
            Assert.Contains("nodes/status", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, nodeCode);
            Assert.Null(ConditionOf(node, "Drained"));
        }
        finally
        {
            await client.SendJsonAsync(HttpMethod.Delete, "/sim/v1/faults");
        }
    }

    [Fact]
    public async Task CreateLease_InAMissingNamespace_Is404UntilTheNamespaceExists()
    {
        using var client = fixture.CreateClient();
        var lease = JsonNode.Parse("""
            {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"node-node-1"},
             "spec":{"holderIdentity":"node-maintenance","leaseDurationSeconds":3600}}
            """);

        var (missingCode, missing) = await client.SendJsonAsync(HttpMethod.Post, "/apis/coordination.k8s.io/v1/namespaces/medik8s-leases/leases", lease);
        await client.SendJsonAsync(HttpMethod.Post, "/api/v1/namespaces",
            JsonNode.Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"medik8s-leases"}}"""));
        var (createdCode, _) = await client.SendJsonAsync(HttpMethod.Post, "/apis/coordination.k8s.io/v1/namespaces/medik8s-leases/leases", lease);

        Assert.Equal(HttpStatusCode.NotFound, missingCode);
        Assert.Equal("namespaces", missing["details"]!["kind"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, createdCode);
    }

    private static JsonObject Condition(string type, string status) => new()
    {
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = type,
                ["status"] = status,
                ["reason"] = "DrainStarted",
                ["message"] = "a test drain",
                ["lastTransitionTime"] = "2026-12-01T00:00:00Z",
            }),
        },
    };

    private static JsonNode? ConditionOf(JsonObject node, string type) =>
        node["status"]?["conditions"]?.AsArray().FirstOrDefault(c => c?["type"]?.GetValue<string>() == type);
}
