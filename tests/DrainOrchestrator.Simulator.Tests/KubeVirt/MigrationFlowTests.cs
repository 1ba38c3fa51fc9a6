using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

/// <summary>Issue 3's migration behaviour end to end over HTTPS, judged from the API and the ground truth.</summary>
public sealed class MigrationFlowTests(BridgeFixture fixture) : IClassFixture<BridgeFixture>
{
    [Fact]
    public async Task CreateVmims_TwentyAtOnceFromTwoNodes_NeverExceedLimitsAndAllSucceed()
    {
        using var client = fixture.CreateClient();
        var names = Enumerable.Range(1, 20).Select(i => $"wave-{i}").ToList();

        var created = await Task.WhenAll(names.Select((n, i) => client.CreateVmimAsync(n, $"fleet-{i + 1}")));
        Assert.All(created, c => Assert.Equal(HttpStatusCode.Created, c.Code));
        foreach (var name in names)
        {
            await client.WaitForPhaseAsync(name, "Succeeded", "Failed");
        }

        var truth = await client.GroundTruthAsync();
        var outcomes = names.Select(n => truth.Truth(n)["outcome"]!.GetValue<string>()).ToList();
        Assert.All(outcomes, o => Assert.Equal("Succeeded", o));
        Assert.InRange(truth["peakInFlight"]!.GetValue<int>(), 1, 5);
        Assert.All(truth["peakInFlightPerSourceNode"]!.AsObject(), p => Assert.InRange(p.Value!.GetValue<int>(), 0, 2));
        Assert.Empty(truth["limitViolations"]!.AsArray());
        Assert.Equal(0, truth["bridge"]!["errors"]!.GetValue<long>());
    }

    [Fact]
    public async Task CreateVmim_SecondForAVmiInFlight_Is422InFlightMigrationDetected()
    {
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.CreateVmimAsync("first-busy", "busy-1")).Code);

        var (code, status) = await client.CreateVmimAsync("second-busy", "busy-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.Contains("in-flight migration detected", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await client.GetVmimAsync("second-busy"));
    }

    [Fact]
    public async Task CreateVmim_ForANonMigratableVmi_Is422WithTheReason()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.CreateVmimAsync("disk-bound", "pinned-disk");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains("DisksNotLiveMigratable", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteVmim_WhileRunning_AbortsItAndTheObjectGoesOnceFinal()
    {
        using var client = fixture.CreateClient();
        await client.CreateVmimAsync("abort-me", "busy-2");
        await client.WaitForPhaseAsync("abort-me", "Running");

        var (code, deleted) = await client.SendJsonAsync(HttpMethod.Delete, $"{MigrationApi.Vmims}/abort-me");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.NotNull(deleted["metadata"]?["deletionTimestamp"]);
        await Eventually.UntilAsync(async () => await client.GetVmimAsync("abort-me") is null, "the aborted VMIM to be removed");
        var state = (await client.GetVmiAsync("busy-2"))["status"]!["migrationState"]!;
        Assert.True(state["abortRequested"]!.GetValue<bool>());
        Assert.Equal("Succeeded", state["abortStatus"]!.GetValue<string>());
        Assert.Equal("node-2", (await client.GetVmiAsync("busy-2"))["status"]!["nodeName"]!.GetValue<string>());
        Assert.Equal("Aborted", (await client.GroundTruthAsync()).Truth("abort-me")["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_OneVmim_SeesEveryPhaseInOrder()
    {
        using var client = fixture.CreateClient();
        using var watch = await WatchStream.OpenAsync(client, $"{MigrationApi.Vmims}?watch=true&fieldSelector=metadata.name%3Dwatched");
        await client.CreateVmimAsync("watched", "solo-2");

        var phases = new List<string>();
        while (phases.LastOrDefault() is not ("Succeeded" or "Failed"))
        {
            var change = await watch.NextAsync(TimeSpan.FromSeconds(20));
            Assert.NotNull(change);
            if (change["object"]!["status"]?["phase"]?.GetValue<string>() is { } phase && phase != phases.LastOrDefault())
            {
                phases.Add(phase);
            }
        }

        Assert.Equal(["Pending", "Scheduling", "Scheduled", "PreparingTarget", "TargetReady", "Running", "Succeeded"], phases);
    }

    [Fact]
    public async Task CreateMigrationPolicy_ThroughTheApi_ResolvesIntoALaterMigration()
    {
        using var client = fixture.CreateClient();
        var policy = new JsonObject
        {
            ["apiVersion"] = "migrations.kubevirt.io/v1alpha1",
            ["kind"] = "MigrationPolicy",
            ["metadata"] = new JsonObject { ["name"] = "tagged-slow" },
            ["spec"] = new JsonObject
            {
                ["selectors"] = new JsonObject { ["virtualMachineInstanceSelector"] = new JsonObject { ["app"] = "tagged" } },
                ["bandwidthPerMigration"] = "64Mi",
                ["allowAutoConverge"] = true,
            },
        };
        var (created, _) = await client.SendJsonAsync(HttpMethod.Post, "/apis/migrations.kubevirt.io/v1alpha1/migrationpolicies", policy);
        Assert.Equal(HttpStatusCode.Created, created);

        await client.CreateVmimAsync("tagged-move", "tagged");
        var done = await client.WaitForPhaseAsync("tagged-move", "Succeeded", "Failed");

        var state = done["status"]!["migrationState"]!;
        Assert.Equal("tagged-slow", state["migrationPolicyName"]!.GetValue<string>());
        Assert.Equal("64Mi", state["migrationConfiguration"]!["bandwidthPerMigration"]!.GetValue<string>());
        Assert.True(state["migrationConfiguration"]!["allowAutoConverge"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CreateVmim_TargetCannotBePlaced_FailsAfterTheUnschedulableTimeout()
    {
        using var client = fixture.CreateClient();
        var nowhere = new JsonObject { ["kubernetes.io/hostname"] = "no-such-node" };

        await client.CreateVmimAsync("nowhere", "solo-3", nowhere);
        var scheduling = await client.WaitForPhaseAsync("nowhere", "Scheduling");
        var target = await Eventually.UntilAsync(async () =>
            (await client.GetJsonAsync("/api/v1/namespaces/default/pods?labelSelector=vm.kubevirt.io%2Fname%3Dsolo-3")).Body["items"]!
                .AsArray().FirstOrDefault(p => p!["spec"]!["nodeName"] is null), "the unplaced target pod");
        var failed = await client.WaitForPhaseAsync("nowhere", "Failed");

        Assert.Equal("Unschedulable", target["status"]!["conditions"]![0]!["reason"]!.GetValue<string>());
        var truth = (await client.GroundTruthAsync()).Truth("nowhere");
        Assert.Contains("unschedulable and timed out after 30 seconds", truth["failureReason"]!.GetValue<string>(), StringComparison.Ordinal);
        var transitions = failed["status"]!["phaseTransitionTimestamps"]!.AsArray();
        var waited = Time(transitions.Last()!) - Time(transitions.First(t => t!["phase"]!.GetValue<string>() == "Scheduling")!);
        Assert.True(waited >= TimeSpan.FromSeconds(29), $"model time between Scheduling and Failed was {waited}");
        Assert.Equal("Scheduling", scheduling.Phase());
    }

    private static DateTimeOffset Time(JsonNode transition) =>
        DateTimeOffset.Parse(transition["phaseTransitionTimestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture);
}
