using System.Net.Http.Json;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Server.Api;

namespace DrainOrchestrator.Server.Tests.Workflows;

/// <summary>Workflow files and waits over the workflow API, for the tests of this folder.</summary>
internal static class WorkflowApi
{
    /// <summary>A workflow that waits for the approval of <c>go-ahead</c>, then reports: it needs no node.</summary>
    public const string ApprovalWorkflow = """
        apiVersion: drain-orchestrator.io/v1
        kind: Workflow
        metadata: {name: api-approval}
        steps:
          - {id: go-ahead, kind: approval, message: "Proceed?"}
          - {id: report, kind: report}
        """;

    public static JsonContent File(string fileName, string text, object? parameters = null, string? name = null) =>
        JsonContent.Create(new { fileName, text, parameters, name }, options: ApiJson.Options);

    /// <summary>Starts the approval workflow as <paramref name="client"/>'s user; asserts 202.</summary>
    public static async Task<WorkflowView> StartApprovalAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v1/workflows", File("approval.yaml", ApprovalWorkflow, name: "api-" + Guid.NewGuid().ToString("N")[..8]));
        await Support.Api.ExpectAsync(System.Net.HttpStatusCode.Accepted, response);
        return await Support.Api.ReadAsync<WorkflowView>(response);
    }

    /// <summary>Waits (generous deadline; it only guards a hang) until the instance is in <paramref name="state"/>.</summary>
    public static async Task<WorkflowView> WaitStateAsync(HttpClient client, Guid id, string state)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(2);
        while (true)
        {
            var instance = await Support.Api.ReadAsync<WorkflowView>(await client.GetAsync($"/api/v1/workflows/{id}"));
            if (instance.State == state)
            {
                return instance;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"instance {instance.Name} still {instance.State} ({instance.WaitingFor ?? instance.OutcomeReason}), expected {state}");
            await Task.Delay(250);
        }
    }
}
