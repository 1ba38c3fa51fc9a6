using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Journal;
using DrainOrchestrator.Persistence.Database;
using DrainOrchestrator.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Events;

/// <summary>
/// The one journal poller of the process: reads the journal of all drains after the last sequence number it saw (the
/// journal makes sequence numbers visible in order, so reading on from there misses nothing), keeps the most recent
/// events in a window and wakes every subscriber. However many streams are open, the database sees one query per
/// tick; a stream that resumes from before the window catches up from the database first.
/// </summary>
internal sealed class JournalFeed(DrainApplication application, ServeOptions options, TimeProvider timeProvider, ILogger<JournalFeed> logger)
    : BackgroundService
{
    /// <summary>How many recent events the window keeps.</summary>
    public const int WindowSize = 4096;

    private const int PageSize = 1000;
    private readonly Lock _gate = new();
    private readonly List<JournalEventView> _window = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Every event with a sequence number above _floor and up to _head is in the window.
    private long _floor;
    private long _head;

    /// <summary>How many database reads the feed made (the metric drain_orchestrator_events_feed_polls_total; the fan-out benchmark reads it).</summary>
    public long Polls => Interlocked.Read(ref _polls);

    private long _polls;

    /// <summary>Completes once the feed has read up to the journal's end at start.</summary>
    public Task Ready => _ready.Task;

    /// <summary>
    /// The events after <paramref name="afterSeq"/> (of <paramref name="drainId"/>, or of all when null), in order, up
    /// to what the feed has read; null when the window no longer reaches back to <paramref name="afterSeq"/>.
    /// </summary>
    public (IReadOnlyList<JournalEventView>? Events, long Head, Task Changed) Read(long afterSeq, Guid? drainId)
    {
        lock (_gate)
        {
            if (afterSeq < _floor)
            {
                return (null, _head, _changed.Task);
            }

            var events = new List<JournalEventView>();
            var start = LowerBound(afterSeq);
            for (var i = start; i < _window.Count; i++)
            {
                if (drainId is null || _window[i].DrainId == drainId)
                {
                    events.Add(_window[i]);
                }
            }

            return (events, _head, _changed.Task);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var full = await PollAsync(stoppingToken);
                if (!full)
                {
                    _ready.TrySetResult();
                    await Task.Delay(options.JournalPollInterval, timeProvider, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _ready.TrySetResult();
            lock (_gate)
            {
                _changed.TrySetResult();
            }
        }
    }

    // True when a full page came back (more may follow at once).
    private async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<JournalEventView> page;
        try
        {
            Interlocked.Increment(ref _polls);
            page = await application.JournalAsync(null, Volatile.Read(ref _head), PageSize, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ServerLog.JournalPollFailed(logger, DatabaseErrors.Describe(ex));
            return false;
        }

        if (page.Count == 0)
        {
            return false;
        }

        TaskCompletionSource changed;
        lock (_gate)
        {
            _window.AddRange(page);
            _head = page[^1].Seq;
            if (_window.Count > WindowSize)
            {
                var drop = _window.Count - WindowSize;
                _floor = _window[drop - 1].Seq;
                _window.RemoveRange(0, drop);
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return page.Count == PageSize;
    }

    private int LowerBound(long afterSeq)
    {
        int lo = 0, hi = _window.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_window[mid].Seq <= afterSeq)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
