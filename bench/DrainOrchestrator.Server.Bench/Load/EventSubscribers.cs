using System.Globalization;

namespace DrainOrchestrator.Server.Bench.Load;

/// <summary>
/// Subscribers to every drain's events (<c>GET /api/v1/events</c>, Server-Sent Events), each on its own connection,
/// connected before the drains start. Each records every event it receives: the journal sequence (<c>id</c>), the
/// kind (<c>event</c>) and the wall time its blank line arrived; the data is read and not parsed (the journal has it).
/// </summary>
internal sealed class EventSubscribers(HttpClient client, int count) : IAsyncDisposable
{
    private readonly List<Subscriber> _subscribers = [];
    private readonly List<Task> _readers = [];
    private readonly CancellationTokenSource _stop = new();

    public IReadOnlyList<Subscriber> Subscribers => _subscribers;

    /// <summary>Opens every stream and waits until each has its first line (the server's <c>retry:</c> advice).</summary>
    public async Task ConnectAsync(TimeSpan patience)
    {
        for (var i = 0; i < count; i++)
        {
            var subscriber = new Subscriber(i);
            _subscribers.Add(subscriber);
            _readers.Add(Task.Run(() => ReadAsync(subscriber, _stop.Token)));
        }

        await Task.WhenAll(_subscribers.Select(s => s.Connected)).WaitAsync(patience, TimeProvider.System);
    }

    /// <summary>Waits until every subscriber has received the event <paramref name="seq"/> or later, or its stream ended; false after <paramref name="patience"/>.</summary>
    public async Task<bool> WaitForAsync(long seq, TimeSpan patience)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (_subscribers.Any(s => s.LastSeq < seq && !s.Ended))
        {
            if (TimeProvider.System.GetElapsedTime(started) > patience)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        return true;
    }

    /// <summary>Closes every stream (again: nothing happens).</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await Task.WhenAll(_readers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task ReadAsync(Subscriber subscriber, CancellationToken stop)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("api/v1/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, stop);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(stop);
            using var reader = new StreamReader(stream);
            long? id = null;
            string? kind = null;
            while (await reader.ReadLineAsync(stop) is { } line)
            {
                subscriber.MarkConnected();
                if (line.Length == 0)
                {
                    if (id is { } seq)
                    {
                        subscriber.Add(new ReceivedEvent(seq, kind ?? string.Empty, TimeProvider.System.GetUtcNow()));
                    }

                    (id, kind) = (null, null);
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = long.Parse(line.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    kind = line[7..];
                }
            }

            subscriber.Fail("the server ended the stream");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by the bench.
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or FormatException)
        {
            subscriber.Fail(ex.Message);
        }
    }
}

/// <summary>One subscriber's stream: what it received, in order of arrival.</summary>
internal sealed class Subscriber(int number)
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ReceivedEvent> _events = [];
    private long _lastSeq;

    public int Number { get; } = number;

    public Task Connected => _connected.Task;

    /// <summary>The events received, in arrival order (read them once the stream is stopped).</summary>
    public IReadOnlyList<ReceivedEvent> Events => _events;

    public long LastSeq => Interlocked.Read(ref _lastSeq);

    public bool Ended => Error is not null;

    /// <summary>Why the stream ended before the bench stopped it; null while it runs.</summary>
    public string? Error { get; private set; }

    public void MarkConnected() => _connected.TrySetResult();

    public void Add(ReceivedEvent e)
    {
        _events.Add(e);
        Interlocked.Exchange(ref _lastSeq, Math.Max(_lastSeq, e.Seq));
    }

    public void Fail(string reason)
    {
        Error = reason;
        _connected.TrySetException(new InvalidOperationException($"subscriber {Number}: {reason}"));
    }
}

/// <summary>One event as a subscriber received it.</summary>
internal readonly record struct ReceivedEvent(long Seq, string Kind, DateTimeOffset ReceivedAt);
