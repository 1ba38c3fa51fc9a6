using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Server.Bench.Serving;

/// <summary>The few API calls the bench makes besides its load: start drains, wait for them, read a metric.</summary>
internal static class DrainsApi
{
    /// <summary>POSTs a drain of <paramref name="nodes"/> with the policy an operator's script would send; returns its id.</summary>
    public static async Task<Guid> StartAsync(HttpClient client, IReadOnlyList<string> nodes, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["nodes"] = new JsonArray([.. nodes.Select(n => (JsonNode)n)]),
            ["policy"] = new JsonObject { ["nonMigratable"] = "skip", ["retryBackoffSeconds"] = 1 },
        }.ToJsonString();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("api/v1/drains", UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/v1/drains ({string.Join(", ", nodes)}) answered {(int)response.StatusCode}: {text}");
        }

        return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    /// <summary>One drain without its VMs.</summary>
    public static async Task<DrainState> GetAsync(HttpClient client, Guid id, CancellationToken cancellationToken)
    {
        var text = await client.GetStringAsync(new Uri($"api/v1/drains/{id:D}?vms=false", UriKind.Relative), cancellationToken);
        var drain = JsonNode.Parse(text)!;
        DateTimeOffset? Time(string name) => drain[name] is JsonValue v ? v.GetValue<DateTimeOffset>() : null;
        var moved = drain["nodes"]?.AsArray().Sum(n => n?["moved"]?.GetValue<int>() ?? 0) ?? 0;
        return new DrainState(id, drain["name"]!.GetValue<string>(), drain["state"]!.GetValue<string>(), Time("createdAt")!.Value,
            Time("startedAt"), Time("finishedAt"), moved);
    }

    /// <summary>
    /// Asks for every drain every <paramref name="every"/> until all are final. <paramref name="onAllMoving"/> is called
    /// once when every drain has moved a VM (or ended), <paramref name="onFirstFinal"/> once when the first one ended.
    /// Fails after <paramref name="patience"/>.
    /// </summary>
    public static async Task<IReadOnlyList<DrainState>> WaitFinalAsync(HttpClient client, IReadOnlyList<Guid> ids, TimeSpan every,
        TimeSpan patience, CancellationToken cancellationToken, Func<Task>? onAllMoving = null, Action? onFirstFinal = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        bool allMovingSeen = false, firstFinalSeen = false;
        while (true)
        {
            var states = new List<DrainState>();
            foreach (var id in ids)
            {
                states.Add(await GetAsync(client, id, cancellationToken));
            }

            if (!allMovingSeen && states.All(s => s.Moved > 0 || s.IsFinal))
            {
                allMovingSeen = true;
                if (onAllMoving is not null)
                {
                    await onAllMoving();
                }
            }

            if (!firstFinalSeen && states.Any(s => s.IsFinal))
            {
                firstFinalSeen = true;
                onFirstFinal?.Invoke();
            }

            if (states.All(s => s.IsFinal))
            {
                return states;
            }

            if (TimeProvider.System.GetElapsedTime(started) > patience)
            {
                throw new TimeoutException("drains not finished in time: " + string.Join(", ", states.Select(s => $"{s.Name}={s.State}")));
            }

            await Task.Delay(every, TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>The value of one unlabelled sample in <c>/metrics</c> (Prometheus text), or NaN when it is not there.</summary>
    public static async Task<double> MetricAsync(HttpClient client, string name, CancellationToken cancellationToken)
    {
        var text = await client.GetStringAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        foreach (var line in text.Split('\n'))
        {
            // "name value" or "name{labels} value", optionally followed by a timestamp.
            if (line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is ' ' or '{')
            {
                var rest = line[name.Length..];
                rest = rest.StartsWith('{') ? rest[(rest.IndexOf('}', StringComparison.Ordinal) + 1)..] : rest;
                return double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return double.NaN;
    }
}

/// <summary>A drain as the API showed it; <paramref name="Moved"/> counts the VMs it has moved so far.</summary>
internal sealed record DrainState(Guid Id, string Name, string State, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    int Moved)
{
    public bool IsFinal => State is "succeeded" or "failed" or "cancelled";
}
