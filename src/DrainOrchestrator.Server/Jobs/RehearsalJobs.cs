using System.Text.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage.Monitoring;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// Rehearsals on Hangfire's queue: any replica's worker runs one, Hangfire keeps its state and result (finished jobs
/// expire after a day, as Hangfire's other jobs do), and a delete cancels it.
/// </summary>
internal sealed class RehearsalJobs(IBackgroundJobClient client, JobStorage storage)
{
    public string Enqueue(RehearsalOrder order) => client.Enqueue<RehearsalJob>(job => job.RunAsync(order.ToJson(), CancellationToken.None));

    /// <summary>The rehearsal by that id; null when there is none (or the id names another kind of job).</summary>
    public RehearsalView? Find(string id)
    {
        if (id.Length is 0 or > 19 || !id.All(char.IsAsciiDigit))
        {
            return null;
        }

        var details = storage.GetMonitoringApi().JobDetails(id);
        if (details?.Job is not { } job || job.Type != typeof(RehearsalJob) || job.Args is not [string json, ..])
        {
            return null;
        }

        var order = RehearsalOrder.SummaryFromJson(json);
        var history = details.History.OrderByDescending(h => h.CreatedAt).ToList();
        var current = history.FirstOrDefault();
        var started = history.LastOrDefault(h => h.StateName == "Processing")?.CreatedAt;
        var ended = current?.StateName is "Succeeded" or "Failed" or "Deleted" ? current.CreatedAt : (DateTime?)null;
        return new RehearsalView(id, State(current), order.Nodes, order.Speed, order.CompareKubeVirt, order.RequestedBy,
            Utc(details.CreatedAt), Utc(started), Utc(ended), Result(current), Error(current));
    }

    /// <summary>Cancels a queued or running rehearsal; false when Hangfire refused (it has ended meanwhile).</summary>
    public bool Cancel(string id) => client.Delete(id);

    private static string State(StateHistoryDto? state) => state?.StateName switch
    {
        "Processing" => "running",
        "Succeeded" => "succeeded",
        "Failed" => "failed",
        "Deleted" => "cancelled",
        _ => "queued",
    };

    private static JsonObject? Result(StateHistoryDto? state) =>
        state is { StateName: "Succeeded" } && state.Data.TryGetValue("Result", out var serialized) && serialized is not null
            && JsonSerializer.Deserialize<string>(serialized) is { } document
            ? JsonNode.Parse(document)?.AsObject()
            : null;

    private static string? Error(StateHistoryDto? state) =>
        state is { StateName: "Failed" } && state.Data.TryGetValue("ExceptionMessage", out var message) ? message : null;

    private static DateTimeOffset? Utc(DateTime? at) => at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
