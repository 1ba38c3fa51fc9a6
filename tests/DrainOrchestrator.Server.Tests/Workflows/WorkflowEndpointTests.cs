using System.Net;
using System.Text.Json;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Server.Tests.Support;

namespace DrainOrchestrator.Server.Tests.Workflows;

[Collection(ServerCollection.Name)]
public sealed class WorkflowEndpointTests(ServerFixture server)
{
    // Line 5 names an unknown step kind (its value at column 27), line 6 a bad duration, line 3 lacks a name.
    private const string Broken = """
        apiVersion: drain-orchestrator.io/v1
        kind: Workflow
        metadata: {}
        steps:
          - {id: one, kind: teleport}
          - {id: two, kind: soak, duration: soon}
        """;

    [Fact]
    public async Task Validate_InvalidFile_Is422WithEveryProblemAtItsLineAndColumn()
    {
        using var client = server.Client("alice");
        using var response = await client.PostAsync("/api/v1/workflows/validate", WorkflowApi.File("broken.yaml", Broken));

        await Support.Api.ExpectAsync(HttpStatusCode.UnprocessableEntity, response);
        var problem = await Support.Api.ReadJsonAsync(response);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Count >= 3, problem.ToString());
        Assert.All(errors, e => Assert.StartsWith($"broken.yaml:{e.GetProperty("line").GetInt32()}:{e.GetProperty("column").GetInt32()}: ",
            e.GetProperty("message").GetString(), StringComparison.Ordinal));
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 5 && e.GetProperty("message").GetString()!.Contains("teleport", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 6 && e.GetProperty("message").GetString()!.Contains("soon", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 3);
        Assert.False(problem.GetProperty("retryable").GetBoolean());
    }

    [Fact]
    public async Task Validate_ValidFile_SummarisesIt()
    {
        using var client = server.Client("alice");
        using var response = await client.PostAsync("/api/v1/workflows/validate", WorkflowApi.File("approval.yaml", WorkflowApi.ApprovalWorkflow));

        await Support.Api.ExpectAsync(HttpStatusCode.OK, response);
        var summary = await Support.Api.ReadAsync<WorkflowSummary>(response);
        Assert.Equal(("approval.yaml", "api-approval", 2), (summary.FileName, summary.Workflow, summary.Steps));
    }

    [Fact]
    public async Task Body_MissingFieldsAndUnknownField_Is400NamingThem()
    {
        using var client = server.Client("olga");
        using var missing = await client.PostAsync("/api/v1/workflows", Support.Api.Json("""{"parameters": {}}"""));
        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, missing);
        var fields = (await Support.Api.ReadJsonAsync(missing)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["fileName", "text"], fields);

        using var unknown = await client.PostAsync("/api/v1/workflows/validate", Support.Api.Json("""{"fileName": "a.yaml", "text": "x", "colour": 1}"""));
        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, unknown);
        var problem = (await Support.Api.ReadJsonAsync(unknown)).GetProperty("errors")[0];
        Assert.Equal("colour", problem.GetProperty("field").GetString());
        Assert.StartsWith("'colour' is not a field of this request: expected {", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidFile_Is422AndStartsNothing()
    {
        using var client = server.Client("olga");
        var before = await CountAsync(client);
        using var response = await client.PostAsync("/api/v1/workflows", WorkflowApi.File("broken.yaml", Broken));

        await Support.Api.ExpectAsync(HttpStatusCode.UnprocessableEntity, response);
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Start_ANodeTheClusterLacks_Is422NamingItAndStartsNothing()
    {
        using var client = server.Client("olga");
        var before = await CountAsync(client);
        const string text = """
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: typo}
            parameters:
              nodes: {type: stringList}
            steps:
              - {id: pick, kind: selectNodes, names: "${params.nodes}"}
              - {id: report, kind: report}
            """;
        using var response = await client.PostAsync("/api/v1/workflows", WorkflowApi.File("typo.yaml", text, new Dictionary<string, string> { ["nodes"] = "src-1,sr-2" }));

        await Support.Api.ExpectAsync(HttpStatusCode.UnprocessableEntity, response);
        var message = Assert.Single((await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray()).GetProperty("message").GetString()!;
        Assert.StartsWith("typo.yaml:7:", message, StringComparison.Ordinal);
        Assert.Contains("node 'sr-2' does not exist in the cluster", message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Start_AZoneNoNodeIsIn_Is422NamingTheZonesThereAre()
    {
        using var client = server.Client("olga");
        var before = await CountAsync(client);
        const string text = """
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: zone-typo}
            steps:
              - {id: pick, kind: selectNodes, zone: zone-q}
              - {id: report, kind: report}
            """;
        using var response = await client.PostAsync("/api/v1/workflows", WorkflowApi.File("zone.yaml", text));

        await Support.Api.ExpectAsync(HttpStatusCode.UnprocessableEntity, response);
        var message = Assert.Single((await Support.Api.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray()).GetProperty("message").GetString()!;
        Assert.StartsWith("zone.yaml:5:", message, StringComparison.Ordinal);
        Assert.Contains("no node is in zone 'zone-q' (topology.kubernetes.io/zone); the cluster's zones are ", message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task Roles_NoTokenIs401_ViewerReadsButCannotStartOrApprove()
    {
        using var anonymous = server.Client(null);
        using var viewer = server.Client("alice");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/workflows")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/workflows/validate", WorkflowApi.File("a.yaml", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/workflows?all=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/workflows", WorkflowApi.File("approval.yaml", WorkflowApi.ApprovalWorkflow))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/workflows/x/approve", Support.Api.Json("""{"step": "go-ahead"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/workflows/x/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task UnknownInstance_Is404NamingIt()
    {
        using var client = server.Client("olga");
        foreach (var response in new[]
        {
            await client.GetAsync("/api/v1/workflows/no-such-instance"),
            await client.PostAsync("/api/v1/workflows/no-such-instance/pause", null),
            await client.PostAsync("/api/v1/workflows/no-such-instance/approve", Support.Api.Json("""{"step": "go-ahead"}""")),
        })
        {
            await Support.Api.ExpectAsync(HttpStatusCode.NotFound, response);
            Assert.Contains("no-such-instance", (await Support.Api.ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_ApprovalGate_WaitsThenApprovedThroughTheApiSucceeds()
    {
        using var client = server.Client("olga");
        var started = await WorkflowApi.StartApprovalAsync(client);
        Assert.Equal("api/olga", started.RequestedBy);
        var waiting = await WorkflowApi.WaitStateAsync(client, started.Id, "waiting");
        Assert.Contains("go-ahead", waiting.WaitingFor, StringComparison.Ordinal);

        using var wrong = await client.PostAsync($"/api/v1/workflows/{started.Name}/approve", Support.Api.Json("""{"step": "nope"}"""));
        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, wrong);
        Assert.Contains("waiting: go-ahead", (await Support.Api.ReadJsonAsync(wrong)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var bob = server.Client("bob");
        using var approved = await bob.PostAsync($"/api/v1/workflows/{started.Name}/approve", Support.Api.Json("""{"step": "go-ahead"}"""));
        await Support.Api.ExpectAsync(HttpStatusCode.OK, approved);
        Assert.Equal($"{started.Name}: step go-ahead approved by api/bob", (await Support.Api.ReadJsonAsync(approved)).GetProperty("message").GetString());

        var done = await WorkflowApi.WaitStateAsync(client, started.Id, "succeeded");
        var gate = done.Steps.Single(s => s.Key == "go-ahead");
        Assert.Equal("api/bob", JsonDocument.Parse(gate.Detail).RootElement.GetProperty("approvedBy").GetString());
        Assert.Equal("succeeded", done.Steps.Single(s => s.Key == "report").State);
    }

    [Fact]
    public async Task PauseResume_ThroughTheApi_ThenApprovedSucceedsAndACancelIsRefused()
    {
        using var client = server.Client("olga");
        var started = await WorkflowApi.StartApprovalAsync(client);
        await WorkflowApi.WaitStateAsync(client, started.Id, "waiting");

        var paused = await Support.Api.ReadAsync<WorkflowSignalOutcome>(await client.PostAsync($"/api/v1/workflows/{started.Id}/pause", null));
        Assert.Equal((true, "paused", $"{started.Name}: paused"), (paused.Accepted, paused.Instance.State, paused.Message));
        var resumed = await Support.Api.ReadAsync<WorkflowSignalOutcome>(await client.PostAsync($"/api/v1/workflows/{started.Id}/resume", null));
        Assert.Equal((true, "running"), (resumed.Accepted, resumed.Instance.State));
        await Support.Api.ExpectAsync(HttpStatusCode.OK,
            await client.PostAsync($"/api/v1/workflows/{started.Id}/approve", Support.Api.Json("""{"step": "go-ahead"}""")));
        await WorkflowApi.WaitStateAsync(client, started.Id, "succeeded");

        using var late = await client.PostAsync($"/api/v1/workflows/{started.Id}/cancel", null);
        await Support.Api.ExpectAsync(HttpStatusCode.Conflict, late);
        var problem = await Support.Api.ReadJsonAsync(late);
        Assert.Equal($"{started.Name}: already ended (succeeded)", problem.GetProperty("detail").GetString());
        Assert.Equal("succeeded", problem.GetProperty("instance").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Cancel_WhileWaiting_EndsTheInstanceAndAResumeIsRefused()
    {
        using var client = server.Client("olga");
        var started = await WorkflowApi.StartApprovalAsync(client);
        await WorkflowApi.WaitStateAsync(client, started.Id, "waiting");

        var cancelled = await Support.Api.ReadAsync<WorkflowSignalOutcome>(await client.PostAsync($"/api/v1/workflows/{started.Name}/cancel", null));
        Assert.Equal((true, "cancelled"), (cancelled.Accepted, cancelled.Instance.State));
        Assert.Equal("cancelled by api/olga", cancelled.Instance.OutcomeReason);
        // The approval step it waited in runs no more, and does not say it does.
        Assert.DoesNotContain(cancelled.Instance.Steps, s => s.State == "running");
        Assert.Contains(cancelled.Instance.Steps, s => s.Key == "go-ahead");
        using var again = await client.PostAsync($"/api/v1/workflows/{started.Name}/resume", null);
        await Support.Api.ExpectAsync(HttpStatusCode.Conflict, again);
        // Nothing is left to approve: an approval now would stand in the journal as if it had gated something.
        using var late = await client.PostAsync($"/api/v1/workflows/{started.Name}/approve", Support.Api.Json("""{"step": "go-ahead"}"""));
        await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, late);
        Assert.Contains("has ended (cancelled): there is nothing left to approve",
            (await Support.Api.ReadJsonAsync(late)).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_AStepThatIsNotAnApproval_Is400NamingItsKind()
    {
        using var client = server.Client("olga");
        const string text = """
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: soak-then-approve}
            steps:
              - {id: settle, kind: soak, duration: 1s}
              - {id: go-ahead, kind: approval, message: "Proceed?"}
            """;
        using var start = await client.PostAsync("/api/v1/workflows", WorkflowApi.File("soak.yaml", text, name: "soak-" + Guid.NewGuid().ToString("N")[..8]));
        await Support.Api.ExpectAsync(HttpStatusCode.Accepted, start);
        var started = await Support.Api.ReadAsync<WorkflowView>(start);
        await WorkflowApi.WaitStateAsync(client, started.Id, "waiting");
        try
        {
            // The soak ended and has its record: approving it is refused, naming its kind.
            using var response = await client.PostAsync($"/api/v1/workflows/{started.Name}/approve", Support.Api.Json("""{"step": "settle"}"""));

            await Support.Api.ExpectAsync(HttpStatusCode.BadRequest, response);
            Assert.Contains("not an approval", (await Support.Api.ReadJsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString(),
                StringComparison.Ordinal);
        }
        finally
        {
            (await client.PostAsync($"/api/v1/workflows/{started.Name}/cancel", null)).Dispose();
        }
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await Support.Api.ReadAsync<List<WorkflowView>>(await client.GetAsync("/api/v1/workflows?all=true"))).Count;
}
