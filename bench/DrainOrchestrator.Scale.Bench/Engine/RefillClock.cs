using System.Diagnostics;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// Slot refill latency inside the engine: each VMIM create is paired with the oldest success not yet paired (the slot it
/// refills), and the time between them is one sample. Creates with no success before them (the first wave) are not
/// refills. A success the scheduler leaves unfilled on purpose (a per-node limit, nothing left) waits for a later create
/// and so counts against the engine: the figure is an upper bound.
/// </summary>
internal sealed class RefillClock
{
    private readonly Queue<long> _unpaired = new();
    private readonly List<double> _milliseconds = [];

    public IReadOnlyList<double> Milliseconds => _milliseconds;

    // Called under the cluster's lock, like Created.
    public void Completed(long timestamp) => _unpaired.Enqueue(timestamp);

    public void Created(long timestamp)
    {
        if (_unpaired.TryDequeue(out var completed))
        {
            _milliseconds.Add(Stopwatch.GetElapsedTime(completed, timestamp).TotalMilliseconds);
        }
    }
}
