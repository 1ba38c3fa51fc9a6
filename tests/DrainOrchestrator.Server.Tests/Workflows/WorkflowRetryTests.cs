using System.Net;
using System.Text.Json;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Journal;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Server.Api;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Workflows;

/// <summary>
/// A drain step whose drain an operator cancelled, retried once the operator resumes the paused workflow; an instance's
/// pause, resume and cancel reaching the drain it runs, and not one it adopted.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class WorkflowRetryTests(ServerFixture server)
{
    private const string Retried = """
        apiVersion: drain-orchestrator.io/v1
        kind: Workflow
        metadata: {name: api-retry}
        parameters:
          nodes: {type: stringList}
        steps:
          - {id: select, kind: selectNodes, names: "${params.nodes}"}
          - {id: drain, kind: drain, onFailure: pause}
        """;

    [Fact]
    public async Task DrainStep_DrainCancelledThenWorkflowResumed_RetriedUnderANewDrainName()
    {
        using var client = server.Client("olga");
        var name = "retry-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await client.PostAsync("/api/v1/workflows",
            WorkflowApi.File("retry.yaml", Retried, new Dictionary<string, string> { ["nodes"] = "retry-1" }, name));
        await Support.Api.ExpectAsync(HttpStatusCode.Accepted, created);
        var started = await Support.Api.ReadAsync<WorkflowView>(created);

        var first = await RunningDrainAsync(client, $"{name}-drain");
        using var cancel = await client.PostAsync($"/api/v1/drains/{first.Name}/cancel", null);
        Assert.True(cancel.StatusCode == HttpStatusCode.OK, $"{cancel.StatusCode}: {await cancel.Content.ReadAsStringAsync()}");
        var paused = await WorkflowApi.WaitStateAsync(client, started.Id, "paused");
        Assert.Contains($"drain {first.Name} ended cancelled", paused.WaitingFor, StringComparison.Ordinal);

        // The retry cannot reuse the cancelled drain's name (names are unique for ever): it gets one of its own.
        await Support.Api.ExpectAsync(HttpStatusCode.OK, await client.PostAsync($"/api/v1/workflows/{started.Id}/resume", null));
        var done = await WorkflowApi.WaitStateAsync(client, started.Id, "succeeded");

        var drains = (await Support.Api.ReadAsync<DrainPage>(await client.GetAsync("/api/v1/drains?node=retry-1&limit=500"))).Items
            .Where(d => d.Name.StartsWith(name, StringComparison.Ordinal)).ToDictionary(d => d.Name, d => d.RecordedState);
        Assert.Equal(new Dictionary<string, string> { [$"{name}-drain"] = "cancelled", [$"{name}-drain-2"] = "succeeded" }, drains);
        Assert.Contains($"{name}-drain-2", done.Steps.Single(s => s.Key == "drain").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseResumeCancel_WhileItsDrainRuns_ReachTheDrainToo()
    {
        using var client = server.Client("olga");
        var name = "cancel-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await client.PostAsync("/api/v1/workflows",
            WorkflowApi.File("retry.yaml", Retried, new Dictionary<string, string> { ["nodes"] = "retry-2" }, name));
        await Support.Api.ExpectAsync(HttpStatusCode.Accepted, created);
        var started = await Support.Api.ReadAsync<WorkflowView>(created);
        var drain = await RunningDrainAsync(client, $"{name}-drain");

        var paused = await SignalAsync(client, started.Id, "pause");
        Assert.Equal((true, "paused", $"{name}: paused, and the unfinished drain(s) it started with it: {drain.Name}"),
            (paused.Accepted, paused.Instance.State, paused.Message));
        Assert.Equal("paused", await DrainStateAsync(client, drain.Name));
        var resumed = await SignalAsync(client, started.Id, "resume");
        Assert.Equal($"{name}: running, and the unfinished drain(s) it started with it: {drain.Name}", resumed.Message);
        Assert.Equal("running", await DrainStateAsync(client, drain.Name));

        var outcome = await SignalAsync(client, started.Id, "cancel");

        Assert.Equal((true, "cancelled"), (outcome.Accepted, outcome.Instance.State));
        Assert.Equal($"{name}: cancelled, and the unfinished drain(s) it started with it: {drain.Name}", outcome.Message);
        var ended = await Support.Api.WaitFinishedAsync(client, drain.Id, TimeSpan.FromMinutes(2));
        Assert.Equal(DrainStatus.Cancelled, ended.State);
        var journal = await Support.Api.ReadAsync<JournalPage>(await client.GetAsync($"/api/v1/drains/{drain.Id}/journal?limit=10000"));
        Assert.Equal(["signal.pause", "signal.resume", "signal.cancel"],
            journal.Items.Where(e => e.Kind.StartsWith("signal.", StringComparison.Ordinal) && e.Actor == "api/olga").Select(e => e.Kind));
    }

    [Fact]
    public async Task Cancel_OfAnInstanceThatAdoptedAnOperatorsDrain_LeavesThatDrainToItsOwner()
    {
        using var client = server.Client("olga");
        var name = "adopt-" + Guid.NewGuid().ToString("N")[..8];
        using var own = await client.PostAsync("/api/v1/drains", Support.Api.Json($$"""{"nodes":["retry-3"],"name":"{{name}}-own"}"""));
        await Support.Api.ExpectAsync(HttpStatusCode.Accepted, own);
        var operators = await Support.Api.ReadAsync<DrainView>(own);
        await Support.Api.ExpectAsync(HttpStatusCode.OK, await client.PostAsync($"/api/v1/drains/{operators.Id}/pause", null));

        // The instance's drain step finds the operator's unfinished drain of the same node and attaches to it.
        using var created = await client.PostAsync("/api/v1/workflows",
            WorkflowApi.File("retry.yaml", Retried, new Dictionary<string, string> { ["nodes"] = "retry-3" }, name));
        await Support.Api.ExpectAsync(HttpStatusCode.Accepted, created);
        var started = await Support.Api.ReadAsync<WorkflowView>(created);
        await WaitAdoptedAsync(client, started.Id, operators.Name);

        var outcome = await SignalAsync(client, started.Id, "cancel");

        Assert.Equal($"{name}: cancelled; the drain(s) it adopted from their owners are left as they are: {operators.Name}", outcome.Message);
        Assert.Equal("paused", await DrainStateAsync(client, operators.Name));
        await Support.Api.ExpectAsync(HttpStatusCode.OK, await client.PostAsync($"/api/v1/drains/{operators.Id}/cancel", null));
        Assert.Equal(DrainStatus.Cancelled, (await Support.Api.WaitFinishedAsync(client, operators.Id, TimeSpan.FromMinutes(2))).State);
    }

    private static async Task<WorkflowSignalOutcome> SignalAsync(HttpClient client, Guid instance, string signal) =>
        await Support.Api.ReadAsync<WorkflowSignalOutcome>(await client.PostAsync($"/api/v1/workflows/{instance}/{signal}", null));

    private static async Task<string> DrainStateAsync(HttpClient client, string drainName) =>
        (await Support.Api.ReadAsync<DrainView>(await client.GetAsync($"/api/v1/drains/{drainName}"))).RecordedState;

    // Until the instance journals the drain its step adopted (generous deadline; it only guards a hang).
    private static async Task WaitAdoptedAsync(HttpClient client, Guid instance, string drainName)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(2);
        while (true)
        {
            var events = await Support.Api.ReadAsync<List<JournalEventView>>(await client.GetAsync($"/api/v1/workflows/{instance}/journal"));
            if (events.SingleOrDefault(e => e.Kind == "workflow.drain.started") is { } adopted)
            {
                var payload = JsonDocument.Parse(adopted.PayloadJson).RootElement;
                Assert.Equal((drainName, true), (payload.GetProperty("drainName").GetString(), payload.GetProperty("adopted").GetBoolean()));
                return;
            }

            var state = (await Support.Api.ReadAsync<WorkflowView>(await client.GetAsync($"/api/v1/workflows/{instance}"))).State;
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"the drain step did not take up drain {drainName} (instance {state})");
            await Task.Delay(100);
        }
    }

    // The workflow's drain, once it runs (generous deadline; it only guards a hang).
    private static async Task<DrainView> RunningDrainAsync(HttpClient client, string drainName)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(2);
        while (true)
        {
            using var response = await client.GetAsync($"/api/v1/drains/{drainName}");
            if (response.StatusCode == HttpStatusCode.OK && await Support.Api.ReadAsync<DrainView>(response) is { RecordedState: "running" } drain)
            {
                return drain;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"drain {drainName} did not start running");
            await Task.Delay(100);
        }
    }
}
