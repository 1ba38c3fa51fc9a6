using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Upgrades;

/// <summary>The upgrader through the API: node status and watches, the target-version annotation, <c>/sim/v1/upgrades</c>.</summary>
public sealed class UpgradeApiTests(UpgradeFixture fixture) : IClassFixture<UpgradeFixture>
{
    private const string TargetAnnotation = "upgrade.drain-sim.io/target-version";
    private const string StateAnnotation = "upgrade.drain-sim.io/state";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task NodeWatch_CordonTheMarkedEmptyNode_SeesNotReadyThenReadyOnTheNewVersion()
    {
        using var client = fixture.CreateClient();
        var (_, list) = await client.GetJsonAsync("/api/v1/nodes?fieldSelector=metadata.name%3Dnode-2");
        Assert.Equal("Waiting", Annotation(list["items"]![0]!.AsObject(), StateAnnotation));
        using var watch = await WatchStream.OpenAsync(client,
            $"/api/v1/nodes?watch=true&fieldSelector=metadata.name%3Dnode-2&resourceVersion={list.ResourceVersion()}");

        await CordonAsync(client, "node-2");
        var seen = new List<(string Ready, string? Reason, string? Message, string Version, string? State)>();
        while (seen.Count == 0 || seen[^1] is not ("True", _, _, "v1.33.2", "Done"))
        {
            var node = (await watch.NextAsync(Deadline))!["object"]!.AsObject();
            var ready = Ready(node);
            seen.Add((ready["status"]!.GetValue<string>(), ready["reason"]?.GetValue<string>(), ready["message"]?.GetValue<string>(),
                node["status"]!["nodeInfo"]!["kubeletVersion"]!.GetValue<string>(), Annotation(node, StateAnnotation)));
        }

        var down = Assert.Single(seen, s => s.Ready == "False");
        Assert.Equal(("KubeletNotReady", "v1.32.1", "Rebooting"), (down.Reason, down.Version, down.State));
        Assert.Contains("rebooting to upgrade the kubelet from v1.32.1 to v1.33.2", down.Message, StringComparison.Ordinal);
        Assert.True(seen.IndexOf(down) < seen.Count - 1);
        var truth = await client.GroundTruthAsync();
        var upgrade = truth["upgrades"]!.AsArray().Single(u => u!["node"]!.GetValue<string>() == "node-2")!;
        Assert.Equal(("Done", "v1.32.1", "v1.33.2"), (upgrade["state"]!.GetValue<string>(), upgrade["fromVersion"]!.GetValue<string>(),
            upgrade["targetVersion"]!.GetValue<string>()));
        Assert.Empty(truth["guestsOnRebootingNodes"]!.AsArray());
    }

    [Fact]
    public async Task Annotate_TargetVersionOnANode_MarksItAndCordonUpgradesIt()
    {
        using var client = fixture.CreateClient();

        var (code, _) = await PatchAnnotationAsync(client, "node-3", "v1.34.0");
        Assert.Equal(HttpStatusCode.OK, code);
        var marked = await UpgradeOfAsync(client, "node-3");
        await CordonAsync(client, "node-3");
        var node = await Eventually.UntilAsync(async () =>
        {
            var (_, n) = await client.GetJsonAsync("/api/v1/nodes/node-3");
            return n["status"]!["nodeInfo"]!["kubeletVersion"]!.GetValue<string>() == "v1.34.0" && Ready(n)["status"]!.GetValue<string>() == "True" ? n : null;
        }, "node-3 on v1.34.0 and Ready", Deadline);

        Assert.Equal(("Annotation", "CordonedAndEmpty"), (marked["origin"]!.GetValue<string>(), marked["trigger"]!.GetValue<string>()));
        Assert.Equal(("Done", "v1.34.0"), (Annotation(node, StateAnnotation), Annotation(node, TargetAnnotation)));
        Assert.Equal("node-3-v1.34.0", node["status"]!["nodeInfo"]!["bootID"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostUpgrade_MarkedTriggerOnAnOccupiedNode_RefusedUntilCancelled()
    {
        using var client = fixture.CreateClient();

        var (code, posted) = await client.SendJsonAsync(HttpMethod.Post, "/sim/v1/upgrades",
            JsonNode.Parse("""{"node":"node-1","trigger":"marked"}"""));
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("Accepted", posted["results"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("v1.33.2", posted["settings"]!["targetVersion"]!.GetValue<string>());
        var refused = await Eventually.UntilAsync(async () =>
        {
            var upgrade = await UpgradeOfAsync(client, "node-1");
            return upgrade["refusals"]!.AsArray().Count > 0 ? upgrade : null;
        }, "a refusal on node-1", Deadline);
        var (cancelCode, _) = await PatchAnnotationAsync(client, "node-1", null);
        var cancelled = await UpgradeOfAsync(client, "node-1");

        var refusal = refused["refusals"]![0]!;
        Assert.Equal("Occupied", refusal["reason"]!.GetValue<string>());
        Assert.Equal(["default/vm-1", "default/vm-2"], refusal["guests"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, cancelCode);
        Assert.Equal("Cancelled", cancelled["state"]!.GetValue<string>());
        Assert.False(cancelled.ContainsKey("rebootStartedAt"));
        Assert.Equal("node-1", (await client.GetVmiAsync("vm-1"))["status"]!["nodeName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Annotate_NodeDownForItsReboot_Is422()
    {
        using var client = fixture.CreateClient();
        var (code, _) = await client.SendJsonAsync(HttpMethod.Post, "/sim/v1/upgrades",
            JsonNode.Parse("""{"upgrades":[{"node":"node-4","targetVersion":"v1.33.2","trigger":"marked","fail":true}]}"""));
        Assert.Equal(HttpStatusCode.OK, code);
        var down = await Eventually.UntilAsync(async () =>
        {
            var upgrade = await UpgradeOfAsync(client, "node-4");
            return upgrade["state"]!.GetValue<string>() == "Rebooting" ? upgrade : null;
        }, "node-4 rebooting", Deadline);

        var (patchCode, status) = await PatchAnnotationAsync(client, "node-4", "v1.35.0");

        Assert.True(down["fails"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, patchCode);
        Assert.Contains("node node-4 is rebooting for its upgrade to v1.33.2", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, node) = await client.GetJsonAsync("/api/v1/nodes/node-4");
        Assert.Equal("v1.33.2", Annotation(node, TargetAnnotation));
        Assert.Equal("False", Ready(node)["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostUpgrade_Malformed_Is400ListingEveryProblem()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.SendJsonAsync(HttpMethod.Post, "/sim/v1/upgrades",
            JsonNode.Parse("""{"upgrades":[{"trigger":"sideways"},{"node":"node-3","returnAfter":"soon","colour":"red"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, code);
        var message = status["message"]!.GetValue<string>();
        Assert.Contains("upgrades[0]: \"node\" is required", message, StringComparison.Ordinal);
        Assert.Contains("upgrades[0]: trigger must be cordonedAndEmpty or marked, was \"sideways\"", message, StringComparison.Ordinal);
        Assert.Contains("upgrades[1]: unknown field \"colour\"", message, StringComparison.Ordinal);
        Assert.Contains("upgrades[1]: returnAfter must be a positive duration", message, StringComparison.Ordinal);
        Assert.Contains("upgrades[1]: returnAfter needs \"fail\": true", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostUpgrade_UnknownNode_Is422()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.SendJsonAsync(HttpMethod.Post, "/sim/v1/upgrades", JsonNode.Parse("""{"node":"node-99"}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains("node-99: unknown node \"node-99\"", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUpgrades_ShowsTheSettingsAndTheScenariosMark()
    {
        using var client = fixture.CreateClient();

        var (code, document) = await client.GetJsonAsync("/sim/v1/upgrades");

        Assert.Equal(HttpStatusCode.OK, code);
        var settings = document["settings"]!;
        Assert.Equal(("CordonedAndEmpty", "2s", "20s", "Refuse"), (settings["trigger"]!.GetValue<string>(),
            settings["startDelay"]!.GetValue<string>(), settings["rebootDuration"]!.GetValue<string>(), settings["onOccupied"]!.GetValue<string>()));
        var first = document["upgrades"]![0]!;
        Assert.Equal((1, "node-2", "Scenario"), (first["id"]!.GetValue<int>(), first["node"]!.GetValue<string>(), first["origin"]!.GetValue<string>()));
    }

    private static async Task CordonAsync(HttpClient client, string node)
    {
        var (code, _) = await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/nodes/{node}", JsonNode.Parse("""{"spec":{"unschedulable":true}}"""),
            "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, code);
    }

    private static Task<(HttpStatusCode Code, JsonObject Body)> PatchAnnotationAsync(HttpClient client, string node, string? version) =>
        client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/nodes/{node}",
            new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [TargetAnnotation] = version } } },
            "application/merge-patch+json");

    private static async Task<JsonObject> UpgradeOfAsync(HttpClient client, string node)
    {
        var (code, document) = await client.GetJsonAsync("/sim/v1/upgrades");
        Assert.Equal(HttpStatusCode.OK, code);
        return document["upgrades"]!.AsArray().Last(u => u!["node"]!.GetValue<string>() == node)!.AsObject();
    }

    private static JsonObject Ready(JsonObject node) =>
        node["status"]!["conditions"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "Ready")!.AsObject();

    private static string? Annotation(JsonObject node, string key) => node["metadata"]!["annotations"]?[key]?.GetValue<string>();
}
