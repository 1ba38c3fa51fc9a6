using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

/// <summary>KubeVirt's evacuation controller, switched on by the scenario, seen through the API.</summary>
public sealed class EvacuationControllerTests(EvacuationFixture fixture) : IClassFixture<EvacuationFixture>
{
    [Fact]
    public async Task DrainTaint_EvacuationVmimsAppearAnnotatedAndSystemCriticalAndEmptyTheNode()
    {
        using var client = fixture.CreateClient();
        var taint = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["taints"] = new JsonArray(new JsonObject { ["key"] = "kubevirt.io/drain", ["value"] = "draining", ["effect"] = "NoSchedule" }),
            },
        };

        var (patched, _) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-1", taint, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, patched);
        var vmims = await Eventually.UntilAsync(async () =>
        {
            var (_, list) = await client.GetJsonAsync(MigrationApi.Vmims);
            var items = list["items"]!.AsArray();
            return items.Count == 4 && items.All(i => i!.AsObject().Phase() == "Succeeded") ? items : null;
        }, "four evacuation VMIMs to succeed");

        Assert.All(vmims, vmim =>
        {
            Assert.StartsWith("kubevirt-evacuation-", vmim!["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("node-1", vmim["metadata"]!["annotations"]!["kubevirt.io/evacuationMigration"]!.GetValue<string>());
            Assert.Equal("system-critical", vmim["spec"]!["priority"]!.GetValue<string>());
            Assert.NotNull(vmim["status"]!["migrationState"]);
        });
        Assert.Equal(["evac-1", "evac-2", "evac-3", "evac-4"], vmims.Select(v => v!["spec"]!["vmiName"]!.GetValue<string>()).Order());
        Assert.Equal("node-1", (await client.GetVmiAsync("stays"))["status"]!["nodeName"]!.GetValue<string>());
        Assert.NotEqual("node-1", (await client.GetVmiAsync("evac-1"))["status"]!["nodeName"]!.GetValue<string>());
    }
}
