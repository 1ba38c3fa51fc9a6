using System.Buffers;
using DrainOrchestrator.Core.Planning;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Each source's candidates (item indices) in the order appended, and the predicted work they hold: the queues one
/// <see cref="SourceSelection"/> fills slots from. The links come from a shared pool; dispose it to return them.
/// </summary>
internal sealed class SourceQueues : IDisposable
{
    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly long[] _work;
    private readonly double[] _bytes;
    private readonly int[] _next;

    public SourceQueues(int sources, int items)
    {
        _head = new int[sources];
        _tail = new int[sources];
        _work = new long[sources];
        _bytes = new double[sources];
        Array.Fill(_head, -1);
        _next = ArrayPool<int>.Shared.Rent(Math.Max(1, items));
    }

    /// <summary>Sources with candidates left (in no particular order: the choice among them is a total order).</summary>
    public List<int> Active { get; } = [];

    /// <summary>The predicted durations of <paramref name="source"/>'s candidates (start-up and transfer), in ticks.</summary>
    public long Work(int source) => _work[source];

    /// <summary>What <paramref name="source"/>'s candidates send, each alone.</summary>
    public double Bytes(int source) => _bytes[source];

    /// <summary>How many candidates <paramref name="source"/> has left (counted up to one past <see cref="SlotBalance.MaxCandidates"/>).</summary>
    public int Count(int source)
    {
        var count = 0;
        for (var item = _head[source]; item >= 0 && count <= SlotBalance.MaxCandidates; item = _next[item])
        {
            count++;
        }

        return count;
    }

    /// <summary>The first candidate of <paramref name="source"/>, which has one.</summary>
    public int Head(int source) => _head[source];

    public void Append(int source, int item, PlannedVmi[] items)
    {
        if (_head[source] < 0)
        {
            _head[source] = item;
            Active.Add(source);
        }
        else
        {
            _next[_tail[source]] = item;
        }

        _tail[source] = item;
        _next[item] = -1;
        Count(source, items[item], 1);
    }

    public int Take(int source, PlannedVmi[] items)
    {
        var item = _head[source];
        _head[source] = _next[item];
        Count(source, items[item], -1);
        if (_head[source] < 0)
        {
            Active.Remove(source);
        }

        return item;
    }

    /// <summary>The candidates of <paramref name="source"/> in queue order.</summary>
    public IEnumerable<int> Items(int source)
    {
        for (var item = _head[source]; item >= 0; item = _next[item])
        {
            yield return item;
        }
    }

    /// <summary>Removes <paramref name="item"/> from <paramref name="source"/>'s queue, wherever it is.</summary>
    public void Remove(int source, int item, PlannedVmi[] items)
    {
        if (_head[source] == item)
        {
            Take(source, items);
            return;
        }

        var previous = _head[source];
        while (_next[previous] != item)
        {
            previous = _next[previous];
        }

        _next[previous] = _next[item];
        if (_tail[source] == item)
        {
            _tail[source] = previous;
        }

        Count(source, items[item], -1);
    }

    public void Dispose() => ArrayPool<int>.Shared.Return(_next);

    private void Count(int source, PlannedVmi item, int sign)
    {
        _work[source] += sign * item.Estimate.Duration.Ticks;
        _bytes[source] += sign * (double)(item.AloneEstimate ?? item.Estimate).TransferredBytes;
    }
}
