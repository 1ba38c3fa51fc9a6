using System.Net;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Server.Api;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Workflows;

/// <summary>A drain step whose drain an operator cancelled, retried once the operator resumes the paused workflow.</summary>
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
    public async Task Cancel_WhileItsDrainRuns_CancelsTheDrainToo()
    {
        using var client = server.Client("olga");
        var name = "cancel-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await client.PostAsync("/api/v1/workflows",
            WorkflowApi.File("retry.yaml", Retried, new Dictionary<string, string> { ["nodes"] = "retry-2" }, name));
        await Support.Api.ExpectAsync(HttpStatusCode.Accepted, created);
        var started = await Support.Api.ReadAsync<WorkflowView>(created);
        var drain = await RunningDrainAsync(client, $"{name}-drain");

        var outcome = await Support.Api.ReadAsync<WorkflowSignalOutcome>(await client.PostAsync($"/api/v1/workflows/{started.Id}/cancel", null));

        Assert.Equal((true, "cancelled"), (outcome.Accepted, outcome.Instance.State));
        Assert.Equal($"{name}: cancelled, and the unfinished drain(s) it started with it: {drain.Name}", outcome.Message);
        var ended = await Support.Api.WaitFinishedAsync(client, drain.Id, TimeSpan.FromMinutes(2));
        Assert.Equal(DrainStatus.Cancelled, ended.State);
        var journal = await Support.Api.ReadAsync<JournalPage>(await client.GetAsync($"/api/v1/drains/{drain.Id}/journal?limit=10000"));
        Assert.Contains(journal.Items, e => e.Kind == "signal.cancel" && e.Actor == "api/olga");
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
