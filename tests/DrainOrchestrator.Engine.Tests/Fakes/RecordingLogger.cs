using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>Keeps every log entry of the engine, so a test can wait for one (an event, not a moment) and count them.</summary>
internal sealed class RecordingLogger : ILogger<DrainRunner>
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly List<(int EventId, TaskCompletionSource Seen)> _waiters = [];

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public int Count(int eventId) => Entries.Count(e => e.EventId == eventId);

    /// <summary>Completes when an entry with <paramref name="eventId"/> has been logged (at once if it already was).</summary>
    public Task WhenLoggedAsync(int eventId, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_entries.Any(e => e.EventId == eventId))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((eventId, seen));
        }

        return seen.Task.WaitAsync(cancellationToken);
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        List<TaskCompletionSource> woken;
        lock (_gate)
        {
            _entries.Add(new Entry(eventId.Id, logLevel, formatter(state, exception)));
            woken = [.. _waiters.Where(w => w.EventId == eventId.Id).Select(w => w.Seen)];
            _waiters.RemoveAll(w => w.EventId == eventId.Id);
        }

        foreach (var seen in woken)
        {
            seen.TrySetResult();
        }
    }

    internal sealed record Entry(int EventId, LogLevel Level, string Message);
}
