using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Admin;

/// <summary>
/// The faults of issue 13's campaign, over HTTPS against the model: virt-api admission through a lagging cache,
/// ambiguous creates, an API partition, a node deleted, finished VMIMs garbage-collected. Each test uses its own VMs
/// and puts back the settings it changed.
/// </summary>
public sealed class PartialFailureFaultTests(BridgeFixture fixture) : IClassFixture<BridgeFixture>
{
    [Fact]
    public async Task Admission_WithCacheLag_AdmitsASecondVmimForAVmiInFlightAndTheGroundTruthFlagsIt()
    {
        using var client = fixture.CreateClient();
        var (setCode, setting) = await client.SendJsonAsync(HttpMethod.Put, "/sim/v1/admission", JsonNode.Parse("""{"cacheLag":"10m"}"""));
        try
        {
            Assert.Equal(HttpStatusCode.OK, setCode);
            Assert.Equal("600s", setting["cacheLag"]!.GetValue<string>());

            Assert.Equal(HttpStatusCode.Created, (await client.CreateVmimAsync("lag-first", "solo-1")).Code);
            Assert.Equal(HttpStatusCode.Created, (await client.CreateVmimAsync("lag-second", "solo-1")).Code);
            await client.WaitForPhaseAsync("lag-first", "Succeeded", "Failed");
            await client.WaitForPhaseAsync("lag-second", "Succeeded", "Failed");

            var duplicate = Assert.Single((await client.GroundTruthAsync())["duplicateMigrations"]!.AsArray())!;
            Assert.Equal("lag-second", duplicate["migration"]!.GetValue<string>());
            Assert.Equal("lag-first", duplicate["unfinished"]![0]!.GetValue<string>());
        }
        finally
        {
            await client.SendJsonAsync(HttpMethod.Put, "/sim/v1/admission", JsonNode.Parse("""{"cacheLag":"0s"}"""));
        }

        Assert.Equal(HttpStatusCode.Created, (await client.CreateVmimAsync("fresh-first", "solo-2")).Code);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.CreateVmimAsync("fresh-second", "solo-2")).Code);
    }

    [Fact]
    public async Task Admission_MalformedLag_Is400()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.SendJsonAsync(HttpMethod.Put, "/sim/v1/admission", JsonNode.Parse("""{"cacheLag":"soon"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("cacheLag", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmbiguousCreate_AnsweredErrorOrReset_TheVmimExistsAnyway()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Put, "/sim/v1/faults", JsonNode.Parse(
            """{"resource":"virtualmachineinstancemigrations","verb":"create","ambiguousRate":1}"""));
        var (code, status) = await client.CreateVmimAsync("ambiguous-500", "solo-3");
        await client.SendJsonAsync(HttpMethod.Put, "/sim/v1/faults", JsonNode.Parse(
            """{"resource":"virtualmachineinstancemigrations","verb":"create","ambiguousRate":1,"ambiguousAnswer":"reset"}"""));
        var reset = await Record.ExceptionAsync(() => client.CreateVmimAsync("ambiguous-reset", "solo-4"));
        var (_, cleared) = await client.SendJsonAsync(HttpMethod.Delete, "/sim/v1/faults");

        Assert.Equal(HttpStatusCode.InternalServerError, code);
        Assert.Contains("answer was lost", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(reset);
        Assert.NotNull(await client.GetVmimAsync("ambiguous-500"));
        Assert.NotNull(await client.GetVmimAsync("ambiguous-reset"));
        Assert.Equal(2, cleared["ambiguousAnswered"]!.GetValue<long>());
    }

    [Fact]
    public async Task Partition_RequestsAndOpenWatchesHangThenDrop_AdminStaysUp_ServedAgainAfter()
    {
        using var client = fixture.CreateClient();
        using var watch = await WatchStream.OpenAsync(client, $"/api/v1/nodes?watch=true&resourceVersion={fixture.Store.CurrentResourceVersion}");

        var (code, partition) = await client.SendJsonAsync(HttpMethod.Post, "/sim/v1/partition", JsonNode.Parse("""{"duration":"2s"}"""));
        var during = client.GetJsonAsync("/api/v1/nodes");
        var (adminCode, _) = await client.GetJsonAsync("/sim/v1/partition");
        var dropped = await Record.ExceptionAsync(() => during);
        var watchEnded = await Record.ExceptionAsync(() => watch.NextAsync(TimeSpan.FromSeconds(30)));
        var (afterCode, _) = await client.GetJsonAsync("/api/v1/nodes");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.NotNull(partition["until"]);
        Assert.Equal(HttpStatusCode.OK, adminCode);
        Assert.IsType<HttpRequestException>(dropped);
        Assert.IsNotType<OperationCanceledException>(watchEnded);
        Assert.Equal(HttpStatusCode.OK, afterCode);
    }

    [Fact]
    public async Task DeleteNode_ThroughTheApi_RemovesItAndLosesItsGuests()
    {
        using var client = fixture.CreateClient();

        var (code, _) = await client.SendJsonAsync(HttpMethod.Delete, "/api/v1/nodes/node-3");

        Assert.Equal(HttpStatusCode.OK, code);
        await Eventually.UntilAsync(async () => (await client.GetJsonAsync("/api/v1/nodes/node-3")).Code == HttpStatusCode.NotFound,
            "node-3 to be gone");
        var losses = (await client.GroundTruthAsync())["vmiLosses"]!.AsArray();
        Assert.Contains(losses, l => l!["name"]!.GetValue<string>() == "pinned-disk");
        var (createCode, _) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/nodes", JsonNode.Parse(
            """{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-9"}}"""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, createCode);
    }

    [Fact]
    public async Task GarbageCollection_Forced_RemovesFinishedVmims()
    {
        using var client = fixture.CreateClient();
        await client.CreateVmimAsync("collect-me", "solo-5");
        await client.WaitForPhaseAsync("collect-me", "Succeeded", "Failed");

        var (code, _) = await client.SendJsonAsync(HttpMethod.Post, "/sim/v1/cluster-faults", JsonNode.Parse("""{"kind":"vmimGarbageCollection"}"""));

        Assert.Equal(HttpStatusCode.OK, code);
        await Eventually.UntilAsync(async () => await client.GetVmimAsync("collect-me") is null, "the finished VMIM to be collected");
    }

    [Fact]
    public async Task KubeVirtLimit_LoweredWithAMergePatchAsKubectlSendsIt_MigrationsRunOneAtATime()
    {
        using var client = fixture.CreateClient();
        const string kubevirt = "/apis/kubevirt.io/v1/namespaces/kubevirt/kubevirts/kubevirt";
        var (code, patched) = await client.SendJsonAsync(HttpMethod.Patch, kubevirt,
            JsonNode.Parse("""{"spec":{"configuration":{"migrations":{"parallelMigrationsPerCluster":1}}}}"""), "application/merge-patch+json");
        string[] names = ["one-at-a-time-1", "one-at-a-time-2", "one-at-a-time-3"];
        try
        {
            Assert.Equal(HttpStatusCode.OK, code);
            Assert.Equal(1, patched["spec"]!["configuration"]!["migrations"]!["parallelMigrationsPerCluster"]!.GetValue<int>());
            for (var i = 0; i < names.Length; i++)
            {
                Assert.Equal(HttpStatusCode.Created, (await client.CreateVmimAsync(names[i], $"fleet-{i + 1}")).Code);
            }

            foreach (var name in names)
            {
                await client.WaitForPhaseAsync(name, "Succeeded", "Failed");
            }
        }
        finally
        {
            await client.SendJsonAsync(HttpMethod.Patch, kubevirt,
                JsonNode.Parse("""{"spec":{"configuration":{"migrations":{"parallelMigrationsPerCluster":5}}}}"""), "application/merge-patch+json");
        }

        var truth = await client.GroundTruthAsync();
        var spans = names.Select(n => truth.Truth(n)["phaseTransitions"]!.AsArray())
            .Select(t => (Start: At(t, "Scheduling"), End: At(t, "Succeeded")))
            .OrderBy(s => s.Start)
            .ToList();
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i].Start >= spans[i - 1].End, $"two migrations in flight at once under a limit of 1: {string.Join(", ", spans)}");
        }
    }

    private static DateTimeOffset At(JsonArray transitions, string phase) =>
        transitions.Single(t => t!["phase"]!.GetValue<string>() == phase)!["at"]!.GetValue<DateTimeOffset>();
}
