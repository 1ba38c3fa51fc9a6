namespace DrainOrchestrator.Server.Bench.Load;

/// <summary>
/// Clients that poll drain status as dashboards and scripts do: each asks for one of the drains
/// (<c>GET /api/v1/drains/{id}</c>, with its per-VM progress, as the endpoint answers by default) and every Nth time for
/// the list (<c>GET /api/v1/drains</c>), every poll interval, its start spread over the interval. A client's next request
/// is due one interval after the previous one was due; when an answer comes later than that, the next request goes at
/// once (counted as late) and the schedule restarts from there. The latency is from sending to the last byte of the body.
/// One more client, the control, asks for <c>/healthz</c> on the same schedule: no database, no authentication, a
/// constant answer, so its latency is what the machine and the HTTP stack alone cost at that moment.
/// </summary>
internal sealed class ApiPollers(HttpClient client, IReadOnlyList<Guid> drains, int clients, TimeSpan interval, int listEvery)
{
    /// <summary>Requests each client sends before the measurement starts (JIT, connection set-up, the database's caches).</summary>
    private const int WarmUpRequests = 4;

    /// <summary>Every client sends a few requests, unmeasured (JIT, connection set-up, the database's caches).</summary>
    public Task WarmUpAsync() => Task.WhenAll(Enumerable.Range(0, clients).Select(async k =>
    {
        for (var i = 0; i < WarmUpRequests; i++)
        {
            await SendAsync(Request(k, i));
        }
    }));

    /// <summary>
    /// Polls from every client, from <paramref name="startedTicks"/> (a <see cref="TimeProvider.GetTimestamp"/> reading,
    /// the origin of every sample's send time) until <paramref name="stop"/> fires; a request under way is finished and counted.
    /// </summary>
    public async Task<ApiLoad> RunAsync(long startedTicks, CancellationToken stop)
    {
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients + 1).Select(k => PollAsync(k, startedTicks, stop)));
        var seconds = TimeProvider.System.GetElapsedTime(startedTicks).TotalSeconds;
        return new ApiLoad(seconds, [.. perClient.SelectMany(s => s)]);
    }

    private async Task<List<ApiSample>> PollAsync(int k, long startedTicks, CancellationToken stop)
    {
        var samples = new List<ApiSample>();
        var time = TimeProvider.System;
        // Client k's first request is due k/clients of an interval after the start, so requests arrive evenly.
        var due = startedTicks + (long)(interval.TotalSeconds * time.TimestampFrequency * k / clients);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var wait = time.GetElapsedTime(time.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var late = wait < TimeSpan.Zero && interval > TimeSpan.Zero && -wait > TimeSpan.FromMilliseconds(1);
            var (kind, uri) = Request(k, i);
            var sentAt = time.GetTimestamp();
            var (status, bytes) = await SendAsync((kind, uri));
            samples.Add(new ApiSample(kind, time.GetElapsedTime(startedTicks, sentAt).TotalSeconds, time.GetElapsedTime(sentAt).TotalMilliseconds,
                status, bytes, late));
            due = late ? time.GetTimestamp() : due + (long)(interval.TotalSeconds * time.TimestampFrequency);
        }

        return samples;
    }

    // Client number `clients` is the control.
    private (ApiRequestKind Kind, Uri Uri) Request(int k, int i) =>
        k == clients ? (ApiRequestKind.Health, new Uri("healthz", UriKind.Relative))
        : i % listEvery == listEvery - 1 ? (ApiRequestKind.List, new Uri("api/v1/drains", UriKind.Relative))
        : (ApiRequestKind.Get, new Uri($"api/v1/drains/{drains[(k + i) % drains.Count]:D}", UriKind.Relative));

    // The status (0 for no answer) and the body's length; the body is read whole.
    private async Task<(int Status, int Bytes)> SendAsync((ApiRequestKind Kind, Uri Uri) request)
    {
        try
        {
            using var response = await client.GetAsync(request.Uri, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            return ((int)response.StatusCode, body.Length);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (0, 0);
        }
    }
}

/// <summary>What the clients asked for.</summary>
internal enum ApiRequestKind
{
    /// <summary><c>GET /api/v1/drains/{id}</c>.</summary>
    Get,

    /// <summary><c>GET /api/v1/drains</c>.</summary>
    List,

    /// <summary><c>GET /healthz</c>, the control client's.</summary>
    Health,
}

/// <summary>
/// One request: when it was sent (seconds after the measurement began), its latency, the answer's status (0: none) and
/// size, and whether it went later than due because the client's previous answer came late.
/// </summary>
internal readonly record struct ApiSample(ApiRequestKind Kind, double SentAtSeconds, double LatencyMs, int Status, int Bytes, bool Late)
{
    public bool Failed => Status is < 200 or >= 300;
}

/// <summary>Every measured request, and how long the clients polled.</summary>
internal sealed record ApiLoad(double Seconds, IReadOnlyList<ApiSample> Samples);
