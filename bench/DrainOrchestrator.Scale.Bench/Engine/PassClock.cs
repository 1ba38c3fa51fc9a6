using System.Diagnostics;
using DrainOrchestrator.Engine;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// Times the migrate loop's passes from inside the process: a pass begins with the engine's debug event 3050 (its pass
/// log) and ends when the loop waits for the next cluster change; 3052 marks one that ended at once, its wake-up
/// changing nothing the decision reads. A logger for the engine, so it needs no hook of its own.
/// It also tells <see cref="Refills"/> what each pass saw succeed (3021) and started (3020).
/// </summary>
internal sealed class PassClock : ILogger<DrainRunner>
{
    private const int PassBegan = 3050;
    private const int PassQuiet = 3052;
    private const int MigrationStarted = 3020;
    private const int AttemptObserved = 3021;
    private readonly Lock _gate = new();
    private readonly List<double> _milliseconds = [];
    private readonly List<double> _decided = [];
    private readonly List<SlowPass> _slow = [];
    private readonly List<(int Event, double AtMs, string? Text)> _trail = [];
    private long? _began;
    private bool _quiet;
    private TimeSpan _pausedBefore;
    private int _gen2Before;

    /// <summary>Passes that took at least this long are kept with their event trail (<see cref="Slow"/>).</summary>
    public double SlowMilliseconds { get; init; } = 100;

    /// <summary>The passes of at least <see cref="SlowMilliseconds"/>: what the engine logged in them, and when.</summary>
    public IReadOnlyList<SlowPass> Slow
    {
        get
        {
            lock (_gate)
            {
                return [.. _slow];
            }
        }
    }

    /// <summary>Refills paired by pass.</summary>
    public PassRefills Refills { get; } = new();

    public IReadOnlyList<double> Milliseconds
    {
        get
        {
            lock (_gate)
            {
                return [.. _milliseconds];
            }
        }
    }

    /// <summary>The passes that decided (not those that ended at once, their wake-up changing nothing the decision reads).</summary>
    public IReadOnlyList<double> Decided
    {
        get
        {
            lock (_gate)
            {
                return [.. _decided];
            }
        }
    }

    public void Ended()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_began is { } began)
            {
                var elapsed = Stopwatch.GetElapsedTime(began, now).TotalMilliseconds;
                _milliseconds.Add(elapsed);
                if (elapsed >= SlowMilliseconds)
                {
                    _slow.Add(new SlowPass(elapsed, _quiet, GC.GetTotalPauseDuration() - _pausedBefore, GC.CollectionCount(2) - _gen2Before,
                        [.. _trail]));
                }

                if (!_quiet)
                {
                    _decided.Add(elapsed);
                }

                _began = null;
            }
        }
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Trail(eventId.Id, eventId.Id is 3170 or 3180 || (eventId.Id == 3051 && PassSoFar() >= SlowMilliseconds) ? formatter(state, exception) : null);
        if (eventId.Id == PassBegan)
        {
            Refills.PassBegan();
            lock (_gate)
            {
                (_began, _quiet) = (Stopwatch.GetTimestamp(), false);
                (_pausedBefore, _gen2Before) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
                _trail.Clear();
            }
        }
        else if (eventId.Id == PassQuiet)
        {
            lock (_gate)
            {
                _quiet = true;
            }
        }
        else if (eventId.Id == MigrationStarted && Field(state, "Vmim") is { } started)
        {
            Refills.Started(started);
        }
        else if (eventId.Id == AttemptObserved && Field(state, "Vmim") is { } observed && Field(state, "Outcome") == "succeeded")
        {
            Refills.Observed(observed);
        }
        else if (logLevel >= LogLevel.Warning)
        {
            Console.Error.WriteLine($"  engine {logLevel}: {formatter(state, exception)}");
        }
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    // How long the pass under way has run (0 between passes): a decision's text is kept only for a pass already slow,
    // so the measured process formats no message for the thousand others.
    private double PassSoFar()
    {
        lock (_gate)
        {
            return _began is { } began ? Stopwatch.GetElapsedTime(began).TotalMilliseconds : 0;
        }
    }

    // What the pass under way logged, and when (bounded: a slow pass's first events say where it went).
    private void Trail(int eventId, string? text)
    {
        lock (_gate)
        {
            if (_began is { } began && _trail.Count < 64)
            {
                _trail.Add((eventId, Stopwatch.GetElapsedTime(began).TotalMilliseconds, text));
            }
        }
    }

    // A field of a source-generated log event's state.
    private static string? Field<TState>(TState state, string name) =>
        state is IReadOnlyList<KeyValuePair<string, object?>> fields ? fields.FirstOrDefault(f => f.Key == name).Value?.ToString() : null;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;
}
