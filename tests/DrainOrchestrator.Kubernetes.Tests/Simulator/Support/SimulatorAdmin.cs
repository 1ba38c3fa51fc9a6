using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator.Support;

/// <summary>
/// The simulator's admin API (<c>/sim/v1/</c>) over the same HTTPS connection settings as the client: API faults,
/// request counters and compaction of the watch history.
/// </summary>
public sealed class SimulatorAdmin(HttpClient http) : IDisposable
{
    /// <summary>Replaces every fault rule.</summary>
    public async Task SetFaultsAsync(CancellationToken cancellationToken, params ApiFault[] faults)
    {
        var body = new JsonObject { ["rules"] = new JsonArray([.. faults.Select(f => (JsonNode)f.ToJson())]) };
        using var response = await http.PutAsync("/sim/v1/faults", JsonContent.Create(body), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Removes every fault rule.</summary>
    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync("/sim/v1/faults", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Drops the retained watch history, so watches and continue tokens from before now get 410.</summary>
    public async Task<long> CompactAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("/sim/v1/compact", content: null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body!["compactedThrough"]!.GetValue<long>();
    }

    /// <summary>Forgets every request count.</summary>
    public async Task ResetRequestCountsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync("/sim/v1/requests", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>How many requests of a verb on a resource (main resource, faulted ones included) the API server has seen.</summary>
    public async Task<long> RequestCountAsync(string verb, string resource, CancellationToken cancellationToken)
    {
        var body = await http.GetFromJsonAsync<JsonObject>("/sim/v1/requests", cancellationToken);
        return body!["requests"]!.AsArray()
            .Where(r => (string?)r!["verb"] == verb && (string?)r["resource"] == resource && (string?)r["subresource"] == "")
            .Sum(r => r!["count"]!.GetValue<long>());
    }

    /// <summary>Polls the counters until the server has seen more than <paramref name="after"/> requests of a verb on a resource.</summary>
    public async Task<long> WaitForRequestsAsync(string verb, string resource, long after, CancellationToken cancellationToken)
    {
        while (true)
        {
            var count = await RequestCountAsync(verb, resource, cancellationToken);
            if (count > after)
            {
                return count;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    public void Dispose() => http.Dispose();

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"simulator admin API: {(int)response.StatusCode}: {body}");
        }
    }
}
