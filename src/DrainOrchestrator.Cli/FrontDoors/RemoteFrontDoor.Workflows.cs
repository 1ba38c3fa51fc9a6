using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Application.Journal;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Workflows;

namespace DrainOrchestrator.Cli.FrontDoors;

internal sealed partial class RemoteFrontDoor : IWorkflowFrontDoor
{
    // How often a followed instance is read again; the server runs it, this only watches.
    private static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(1);

    public Task<WorkflowPlanView> PlanWorkflowAsync(WorkflowSource source, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken) =>
        SendAsync<WorkflowPlanView>(HttpMethod.Post, "api/v1/workflows/plan", FileBody(source, arguments, null), cancellationToken);

    public Task<WorkflowView> StartWorkflowAsync(WorkflowSource source, IReadOnlyDictionary<string, string> arguments, string? name,
        CancellationToken cancellationToken) =>
        SendAsync<WorkflowView>(HttpMethod.Post, "api/v1/workflows", FileBody(source, arguments, name), cancellationToken);

    public async Task<WorkflowView> FollowWorkflowAsync(WorkflowView instance, IProgress<DrainProgress>? progress, IProgress<WorkflowWait?>? waits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        WorkflowWait? reported = null;
        while (true)
        {
            var now = await GetWorkflowAsync(instance.Id.ToString("D"), cancellationToken);
            if (now.State is "succeeded" or "failed" or "cancelled")
            {
                return now;
            }

            if (WorkflowWait.Of(now) is var wait && wait != reported)
            {
                reported = wait;
                waits?.Report(wait);
            }

            await Task.Delay(FollowInterval, TimeProvider.System, cancellationToken);
        }
    }

    public Task<WorkflowView> GetWorkflowAsync(string idOrName, CancellationToken cancellationToken) =>
        SendAsync<WorkflowView>(HttpMethod.Get, $"api/v1/workflows/{Uri.EscapeDataString(idOrName)}", null, cancellationToken);

    public async Task<IReadOnlyList<WorkflowView>> ListWorkflowsAsync(bool activeOnly, CancellationToken cancellationToken) =>
        await SendAsync<List<WorkflowView>>(HttpMethod.Get, "api/v1/workflows" + (activeOnly ? string.Empty : "?all=true"), null, cancellationToken);

    public async Task<IReadOnlyList<JournalEventView>> WorkflowJournalAsync(string idOrName, bool withDrains, CancellationToken cancellationToken) =>
        await SendAsync<List<JournalEventView>>(HttpMethod.Get,
            $"api/v1/workflows/{Uri.EscapeDataString(idOrName)}/journal" + (withDrains ? "?withDrains=true" : string.Empty), null, cancellationToken);

    public async Task<string> ApproveAsync(string idOrName, string step, CancellationToken cancellationToken)
    {
        var answer = await SendAsync<JsonObject>(HttpMethod.Post, $"api/v1/workflows/{Uri.EscapeDataString(idOrName)}/approve",
            new JsonObject { ["step"] = step }, cancellationToken);
        return answer["message"]?.GetValue<string>() ?? throw new RemoteApiException("the server answered the approval without a message", 200, retryable: false);
    }

    public async Task<WorkflowSignalOutcome> SignalWorkflowAsync(string idOrName, string to, CancellationToken cancellationToken)
    {
        var path = to switch { "paused" => "pause", "running" => "resume", "cancelled" => "cancel", _ => throw new ArgumentException($"unknown signal '{to}'", nameof(to)) };
        using var response = await _http.SendAsync(Request(HttpMethod.Post, $"api/v1/workflows/{Uri.EscapeDataString(idOrName)}/{path}", null), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            return await ReadAsync<WorkflowSignalOutcome>(response, cancellationToken);
        }

        // 409: the instance has ended; the problem carries the reason and the instance, as embedded mode reports them.
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var instance = problem?["instance"].Deserialize<WorkflowView>(Json)
            ?? throw new RemoteApiException("the server refused the signal without naming the instance", 409, retryable: false);
        return new WorkflowSignalOutcome(false, problem?["detail"]?.GetValue<string>() ?? "refused", instance);
    }

    public Task<ScheduleView> CreateScheduleAsync(string name, WorkflowSource source, IReadOnlyDictionary<string, string> arguments,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return SendAsync<ScheduleView>(HttpMethod.Post, "api/v1/schedules", new JsonObject
        {
            ["name"] = name,
            ["fileName"] = source.FileName,
            ["text"] = source.Text,
            ["parameters"] = Parameters(arguments),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduleView>> ListSchedulesAsync(CancellationToken cancellationToken) =>
        await SendAsync<List<ScheduleView>>(HttpMethod.Get, "api/v1/schedules", null, cancellationToken);

    public async Task DeleteScheduleAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(Request(HttpMethod.Delete, $"api/v1/schedules/{Uri.EscapeDataString(name)}", null), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    public async Task<IReadOnlyList<FiringRecord>> FiringsAsync(string name, CancellationToken cancellationToken) =>
        await SendAsync<List<FiringRecord>>(HttpMethod.Get, $"api/v1/schedules/{Uri.EscapeDataString(name)}/firings", null, cancellationToken);

    private static JsonObject FileBody(WorkflowSource source, IReadOnlyDictionary<string, string> arguments, string? name)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new JsonObject
        {
            ["fileName"] = source.FileName,
            ["text"] = source.Text,
            ["parameters"] = Parameters(arguments),
            ["name"] = name,
        };
    }

    private static JsonObject Parameters(IReadOnlyDictionary<string, string> arguments) =>
        new(arguments.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value))));
}
