using System.Net;
using System.Text.Json;
using DrainOrchestrator.Application.Journal;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Workflows;

/// <summary>The workflow plan (a dry run of a file, nothing recorded) and an instance's journal, both for viewers.</summary>
[Collection(ServerCollection.Name)]
public sealed class WorkflowPlanJournalTests(ServerFixture server)
{
    private const string Batched = """
        apiVersion: drain-orchestrator.io/v1
        kind: Workflow
        metadata: {name: api-batched}
        parameters:
          nodes: {type: stringList}
        steps:
          - {id: select, kind: selectNodes, names: "${params.nodes}"}
          - id: batches
            kind: forEachBatch
            batchSize: 1
            order: name
            steps:
              - {id: drain, kind: drain}
        """;

    [Fact]
    public async Task Plan_BatchedFile_ViewerGetsEachBatchInOrderAndNothingIsRecorded()
    {
        using var viewer = server.Client("alice");
        var before = await CountAsync(viewer);
        using var response = await viewer.PostAsync("/api/v1/workflows/plan",
            WorkflowApi.File("batched.yaml", Batched, new Dictionary<string, string> { ["nodes"] = "src-3,src-1,src-2" }));

        await Support.Api.ExpectAsync(HttpStatusCode.OK, response);
        var plan = await Support.Api.ReadAsync<WorkflowPlanView>(response);
        Assert.Equal("api-batched", plan.Workflow);
        Assert.Equal([["src-1"], ["src-2"], ["src-3"]], plan.Batches.Select(b => b.Nodes.ToArray()).ToArray());
        Assert.Equal([0, 1, 2], plan.Batches.Select(b => b.Batch));
        Assert.Equal(before, await CountAsync(viewer));
    }

    [Fact]
    public async Task Plan_InvalidFileOrMissingParameter_Is422AtItsLine()
    {
        using var viewer = server.Client("alice");
        using var broken = await viewer.PostAsync("/api/v1/workflows/plan",
            WorkflowApi.File("broken.yaml", "apiVersion: drain-orchestrator.io/v1\nkind: Workflow\nmetadata: {name: b}\nsteps:\n  - {id: x, kind: teleport}\n"));
        using var unbound = await viewer.PostAsync("/api/v1/workflows/plan", WorkflowApi.File("batched.yaml", Batched));

        await Support.Api.ExpectAsync(HttpStatusCode.UnprocessableEntity, broken);
        Assert.Contains((await Support.Api.ReadJsonAsync(broken)).GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("message").GetString()!.StartsWith("broken.yaml:5:", StringComparison.Ordinal));
        await Support.Api.ExpectAsync(HttpStatusCode.UnprocessableEntity, unbound);
        Assert.Contains((await Support.Api.ReadJsonAsync(unbound)).GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("message").GetString()!.Contains("nodes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Journal_ApprovedInstance_ViewerReadsEveryStepAndTheApprovalInOrder()
    {
        using var client = server.Client("olga");
        var started = await WorkflowApi.StartApprovalAsync(client);
        await WorkflowApi.WaitStateAsync(client, started.Id, "waiting");
        await Support.Api.ExpectAsync(HttpStatusCode.OK,
            await client.PostAsync($"/api/v1/workflows/{started.Id}/approve", Support.Api.Json("""{"step": "go-ahead"}""")));
        await WorkflowApi.WaitStateAsync(client, started.Id, "succeeded");

        using var viewer = server.Client("alice");
        using var response = await viewer.GetAsync($"/api/v1/workflows/{started.Name}/journal?withDrains=true");

        await Support.Api.ExpectAsync(HttpStatusCode.OK, response);
        var events = await Support.Api.ReadAsync<List<JournalEventView>>(response);
        Assert.Equal(events.Select(e => e.Seq).Order(), events.Select(e => e.Seq));
        Assert.Equal("workflow.created", events[0].Kind);
        Assert.All(events, e => Assert.Null(e.DrainId));
        Assert.Contains(events, e => e.Kind == "workflow.approval.granted" && Payload(e, "by") == "api/olga");
        foreach (var step in new[] { "go-ahead", "report" })
        {
            Assert.Contains(events, e => e.Kind == "workflow.step.started" && Payload(e, "step") == step);
            Assert.Contains(events, e => e.Kind == "workflow.step.succeeded" && Payload(e, "step") == step);
        }

        Assert.Contains(events, e => e.Kind == "workflow.state_changed" && Payload(e, "to") == "succeeded");
    }

    [Fact]
    public async Task Journal_UnknownInstance_Is404NamingIt()
    {
        using var viewer = server.Client("alice");
        using var response = await viewer.GetAsync("/api/v1/workflows/no-such-instance/journal");

        await Support.Api.ExpectAsync(HttpStatusCode.NotFound, response);
        Assert.Contains("no-such-instance", (await Support.Api.ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string? Payload(JournalEventView e, string field) =>
        JsonDocument.Parse(e.PayloadJson).RootElement.TryGetProperty(field, out var value) ? value.GetString() : null;

    private static async Task<int> CountAsync(HttpClient client) =>
        (await Support.Api.ReadAsync<List<WorkflowView>>(await client.GetAsync("/api/v1/workflows?all=true"))).Count;
}
