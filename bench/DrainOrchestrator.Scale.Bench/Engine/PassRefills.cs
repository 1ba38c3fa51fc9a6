using System.Diagnostics;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// Slot refill latency as the orchestration bench defines it (<c>Bench.Harness/Analysis/RefillAnalysis.cs</c>): the
/// migrations a pass saw succeed (its 3021 events) are paired in time order with the VMIMs that pass created (its 3020
/// events), and each pair is one sample, from the success to the create at the cluster. Successes beyond the pass's
/// creates were left empty on purpose (a per-node limit, a just-in-time start, nothing left) and are counted, not timed:
/// the scheduler was not waiting on the engine. <see cref="RefillClock"/> keeps the upper bound that times them too.
/// </summary>
internal sealed class PassRefills
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _completedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _createdAt = new(StringComparer.Ordinal);
    private readonly List<string> _observed = [];
    private readonly List<string> _started = [];
    private readonly List<double> _milliseconds = [];

    /// <summary>Samples so far, milliseconds.</summary>
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

    /// <summary>Successes a pass saw and left empty on purpose.</summary>
    public int LeftEmpty { get; private set; }

    /// <summary>The cluster finished VMIM <paramref name="name"/> successfully at <paramref name="timestamp"/>.</summary>
    public void Completed(string name, long timestamp)
    {
        lock (_gate)
        {
            _completedAt[name] = timestamp;
        }
    }

    /// <summary>The cluster created VMIM <paramref name="name"/> at <paramref name="timestamp"/>.</summary>
    public void Created(string name, long timestamp)
    {
        lock (_gate)
        {
            _createdAt[name] = timestamp;
        }
    }

    /// <summary>The engine's pass recorded VMIM <paramref name="name"/> as succeeded.</summary>
    public void Observed(string name)
    {
        lock (_gate)
        {
            _observed.Add(name);
        }
    }

    /// <summary>The engine's pass started VMIM <paramref name="name"/>.</summary>
    public void Started(string name)
    {
        lock (_gate)
        {
            _started.Add(name);
        }
    }

    /// <summary>A pass began: the one before it is paired.</summary>
    public void PassBegan()
    {
        lock (_gate)
        {
            var completions = _observed.Select(n => _completedAt.TryGetValue(n, out var at) ? at : (long?)null).OfType<long>().Order().ToList();
            var creations = _started.Select(n => _createdAt.TryGetValue(n, out var at) ? at : (long?)null).OfType<long>().Order().ToList();
            for (var i = 0; i < completions.Count; i++)
            {
                if (i < creations.Count)
                {
                    _milliseconds.Add(Math.Max(0, Stopwatch.GetElapsedTime(completions[i], creations[i]).TotalMilliseconds));
                }
                else
                {
                    LeftEmpty++;
                }
            }

            foreach (var name in _observed)
            {
                _completedAt.Remove(name);
            }

            foreach (var name in _started)
            {
                _createdAt.Remove(name);
            }

            _observed.Clear();
            _started.Clear();
        }
    }
}
