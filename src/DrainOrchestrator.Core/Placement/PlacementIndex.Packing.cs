using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Placement;

/// <summary>Greedy packing for the planner: each VMI onto the fitting node with the most free memory.</summary>
public sealed partial class PlacementIndex
{
    private readonly Dictionary<string, PriorityQueue<int, long>> _heapByConstraints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int First, int Second)> _largestTwoByConstraints = new(StringComparer.Ordinal);

    /// <summary>
    /// Places <paramref name="vmi"/> on the feasible node with the most free memory (spreading load) and reserves its
    /// memory there. Returns the node, or null when no node can take it. Amortised O(log nodes) per call.
    /// </summary>
    public string? PlaceOnLargestFree(VmiSnapshot vmi)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        var heap = HeapFor(vmi);
        int? setAside = null;
        string? placed = null;
        while (heap.TryPeek(out var index, out var negativeFree))
        {
            if (-negativeFree != _free[index])
            {
                // Stale entry: free memory only shrinks, so re-queue it with its current value and look again.
                heap.Dequeue();
                heap.Enqueue(index, -_free[index]);
                continue;
            }

            if (_free[index] < vmi.MemoryBytes)
            {
                break;
            }

            if (setAside is null && string.Equals(_candidates[index].Name, vmi.NodeName, StringComparison.Ordinal))
            {
                setAside = heap.Dequeue();
                continue;
            }

            heap.Dequeue();
            _free[index] -= vmi.MemoryBytes;
            heap.Enqueue(index, -_free[index]);
            placed = _candidates[index].Name;
            break;
        }

        if (setAside is { } aside)
        {
            heap.Enqueue(aside, -_free[aside]);
        }

        return placed;
    }

    /// <summary>
    /// Whether some node could take <paramref name="vmi"/> if nothing else were placed or reserved: tells "no node
    /// admits this VM" apart from "not enough capacity for all of them". O(1) after the first VMI of its constraints.
    /// </summary>
    public bool HasAnyFit(VmiSnapshot vmi)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        var key = ConstraintKey.For(vmi);
        if (!_largestTwoByConstraints.TryGetValue(key, out var largest))
        {
            (int First, int Second) top = (-1, -1);
            foreach (var i in Fitting(vmi))
            {
                var free = _candidates[i].FreeMemoryBytes;
                if (top.First < 0 || free > _candidates[top.First].FreeMemoryBytes)
                {
                    top = (i, top.First);
                }
                else if (top.Second < 0 || free > _candidates[top.Second].FreeMemoryBytes)
                {
                    top = (top.First, i);
                }
            }

            largest = top;
            _largestTwoByConstraints[key] = largest;
        }

        var best = largest.First >= 0 && string.Equals(_candidates[largest.First].Name, vmi.NodeName, StringComparison.Ordinal)
            ? largest.Second
            : largest.First;
        return best >= 0 && _candidates[best].FreeMemoryBytes >= vmi.MemoryBytes;
    }

    private PriorityQueue<int, long> HeapFor(VmiSnapshot vmi)
    {
        var key = ConstraintKey.For(vmi);
        if (!_heapByConstraints.TryGetValue(key, out var heap))
        {
            var fitting = Fitting(vmi);
            heap = new PriorityQueue<int, long>(fitting.Length);
            foreach (var i in fitting)
            {
                heap.Enqueue(i, -_free[i]);
            }

            _heapByConstraints[key] = heap;
        }

        return heap;
    }
}
