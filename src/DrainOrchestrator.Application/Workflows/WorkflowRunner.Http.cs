using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Workflows.Definitions;

namespace DrainOrchestrator.Application.Workflows;

internal sealed partial class WorkflowRunner
{
    // Blocks while the query returns series (an alert firing); an unreachable Prometheus also blocks, so that a
    // monitoring outage is never read as "all clear".
    private async Task<string?> AlertGateAsync(AlertGateStep gate, WorkflowStepRecord record, StepDetail detail, CancellationToken cancellationToken)
    {
        var url = new Uri(gate.PrometheusUrl, "api/v1/query?query=" + Uri.EscapeDataString(gate.Query));
        var deadline = record.StartedAt + gate.Timeout;
        string? journaled = null;
        while (true)
        {
            string blocking;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                var answer = await http.GetFromJsonAsync<JsonObject>(url, timeout.Token);
                var series = answer?["data"]?["result"]?.AsArray().Count ?? -1;
                if (answer?["status"]?.GetValue<string>() == "success" && series == 0)
                {
                    if (journaled is not null)
                    {
                        await store.JournalAsync(_instance.Id, new WorkflowGateCleared(record.StepKey), cancellationToken);
                    }

                    await SetWaitingAsync(null, cancellationToken);
                    return null;
                }

                blocking = series > 0 ? $"{series} series returned by {gate.Query}" : "Prometheus answered without a result";
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                blocking = $"Prometheus at {gate.PrometheusUrl} could not be asked: {ex.Message}";
            }

            detail.Add("blocking", blocking);
            if (journaled != blocking)
            {
                await store.JournalAsync(_instance.Id, new WorkflowGateBlocked(record.StepKey, blocking), cancellationToken);
                journaled = blocking;
            }

            if (time.GetUtcNow() >= deadline)
            {
                await SetWaitingAsync(null, cancellationToken);
                return $"still blocked after {gate.Timeout}: {blocking}";
            }

            await SetWaitingAsync($"alert gate: {blocking}", cancellationToken);
            await ThrowIfCancelledAsync(cancellationToken);
            await Task.Delay(gate.Interval, time, cancellationToken);
        }
    }

    // Any 2xx answer is success; every other answer or a timeout is retried, up to the step's retries.
    private async Task<string?> PostAsync(string key, Uri url, JsonObject body, int retries, TimeSpan timeout, TimeSpan retryDelay,
        CancellationToken cancellationToken)
    {
        string? last = null;
        for (var attempt = 0; attempt <= retries; attempt++)
        {
            if (attempt > 0)
            {
                WorkflowLog.StepRetry(logger, _instance.Name, key, last!);
                await Task.Delay(retryDelay, time, cancellationToken);
            }

            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(timeout);
                using var response = await http.PostAsJsonAsync(url, body, limit.Token);
                if (response.IsSuccessStatusCode)
                {
                    return null;
                }

                last = $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = ex is OperationCanceledException ? $"{url} did not answer within {timeout}" : $"{url} could not be reached: {ex.Message}";
            }

            await store.JournalAsync(_instance.Id, new WorkflowHookAttemptFailed(key, attempt + 1, last), cancellationToken);
        }

        return $"{last} (after {retries + 1} attempt(s))";
    }

    // What a hook receives: the workflow, the instance, the step and its nodes, and the drains so far.
    private JsonObject Context(string key, List<string> nodes) => new()
    {
        ["workflow"] = _definition.Name,
        ["version"] = _definition.Version,
        ["instance"] = _instance.Name,
        ["instanceId"] = _instance.Id.ToString("D"),
        ["step"] = key,
        ["cluster"] = _instance.Cluster,
        ["nodes"] = new JsonArray([.. nodes.Select(n => JsonValue.Create(n))]),
        ["drains"] = new JsonArray([.. _steps.Values.Where(s => s.Kind == nameof(StepKind.Drain)).Select(s => JsonNode.Parse(s.DetailJson)?["drain"]?.DeepClone())]),
    };

    private JsonObject NotifyBody(NotifyStep step, string key, List<string> nodes)
    {
        var text = $"[{_instance.Name}] {step.Message}";
        return step.Format == NotifyFormat.Slack ? new JsonObject { ["text"] = text } : Context(key, nodes).Also(o => o["message"] = text);
    }
}

/// <summary>A small helper to set a field and go on in an expression.</summary>
internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject value, Action<JsonObject> change)
    {
        change(value);
        return value;
    }
}
