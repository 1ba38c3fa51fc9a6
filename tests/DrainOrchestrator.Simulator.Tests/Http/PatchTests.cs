using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Http;

public sealed class PatchTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Patch_MergePatch_SetsAndRemovesFields()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Post, TestObjects.VmimPath, TestObjects.Vmim("merged", labels: new() { ["a"] = "1", ["b"] = "2" }));

        var (code, patched) = await client.SendJsonAsync(HttpMethod.Patch, TestObjects.VmimPath + "/merged",
            JsonNode.Parse("""{"metadata":{"labels":{"a":null,"c":"3"}}}"""), "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("""{"b":"2","c":"3"}""", patched["metadata"]!["labels"]!.ToJsonString());
    }

    [Fact]
    public async Task Patch_JsonPatchWithFailingTest_Answers422AndChangesNothing()
    {
        using var client = fixture.CreateClient();
        var (_, created) = await client.SendJsonAsync(HttpMethod.Post, TestObjects.VmimPath, TestObjects.Vmim("tested"));
        var patch = JsonNode.Parse("""
            [{"op":"replace","path":"/spec/vmiName","value":"vm-9"},{"op":"test","path":"/spec/vmiName","value":"vm-1"}]
            """);

        var (code, status) = await client.SendJsonAsync(HttpMethod.Patch, TestObjects.VmimPath + "/tested", patch, "application/json-patch+json");
        var (_, after) = await client.GetJsonAsync(TestObjects.VmimPath + "/tested");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.Equal(created.ResourceVersion(), after.ResourceVersion());
    }

    [Fact]
    public async Task Patch_JsonPatchWithPassingTest_Applies()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Post, TestObjects.VmimPath, TestObjects.Vmim("guarded-patch"));
        var patch = JsonNode.Parse("""
            [{"op":"test","path":"/spec/vmiName","value":"vm-1"},{"op":"add","path":"/metadata/labels/x","value":"y"}]
            """);

        var (code, patched) = await client.SendJsonAsync(HttpMethod.Patch, TestObjects.VmimPath + "/guarded-patch", patch, "application/json-patch+json");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("y", patched["metadata"]!["labels"]!["x"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_StrategicMergeOnCustomResource_Answers415()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.SendJsonAsync(HttpMethod.Patch, "/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances/vm-1",
            JsonNode.Parse("""{"metadata":{"labels":{"x":"y"}}}"""), "application/strategic-merge-patch+json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, code);
        Assert.Equal("UnsupportedMediaType", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_StrategicMergeOnNode_MergesConditionsByType()
    {
        using var client = fixture.CreateClient();
        var patch = JsonNode.Parse("""{"status":{"conditions":[{"type":"MemoryPressure","status":"False"}]}}""");

        var (code, node) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/nodes/node-2/status", patch, "application/strategic-merge-patch+json");

        Assert.Equal(HttpStatusCode.OK, code);
        var types = node["status"]!["conditions"]!.AsArray().Select(c => c!["type"]!.GetValue<string>());
        Assert.Equal(["Ready", "MemoryPressure"], types);
    }

    [Fact]
    public async Task Patch_WithStaleResourceVersion_Answers409()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Post, TestObjects.VmimPath, TestObjects.Vmim("versioned"));

        var (code, _) = await client.SendJsonAsync(HttpMethod.Patch, TestObjects.VmimPath + "/versioned",
            JsonNode.Parse("""{"metadata":{"resourceVersion":"1","labels":{"x":"y"}}}"""), "application/merge-patch+json");

        Assert.Equal(HttpStatusCode.Conflict, code);
    }
}
