namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Plays the rest of a drain forward in a small model, to compare the choices open to one decision (which source and
/// which of its candidates takes a free cluster slot, or none yet) by the makespan each leads to. A migration holds a
/// cluster slot and one of its source's L slots from its start; its transfer begins a start-up later, or when its
/// source's NIC has sent what is queued on it if that is later, and lasts its transfer alone. After the choice, the
/// play follows the scheduler's own rule: free cluster slots go to sources whose NIC is due (free within a start-up),
/// the one with the most work left first, each taking its next candidate in its order (longest first, or the order
/// <see cref="ImproveOrders"/> found); nothing starts before its source is due.
/// </summary>
/// <remarks>
/// A one-step look-ahead over that rule (a rollout): the choice it picks leads, in the model, to a makespan no later
/// than the rule's own choice. The model knows no receivers, no dirty pages and no sharing, so the scheduler asks it
/// only where those do not decide (<see cref="RolloutChoice"/>).
/// </remarks>
internal sealed class DrainRollout
{
    private const double Epsilon = 1e-6;

    private readonly double _startup;
    private readonly int _perCluster;
    private readonly int _perNode;
    private readonly double[] _nicFree;
    private readonly int[] _outbound;
    private readonly double[][] _transfers;
    private readonly List<(int Source, double EndsIn)> _inFlight;

    // Per source, its candidates' transfer seconds and their slot time (start-up and transfer), summed.
    private readonly double[] _nicWork;
    private readonly double[] _slotWork;

    // Scratch for one play.
    private readonly double[] _free;
    private readonly int[] _out;
    private readonly int[] _next;

    // Per source, the order its candidates start in after the choice (indices into its transfers): longest first until
    // ImproveOrders finds a better one.
    private readonly int[][] _order;
    private readonly bool[][] _taken;
    private readonly double[] _nicLeft;
    private readonly double[] _slotLeft;
    private readonly PriorityQueue<int, double> _ends = new();

    /// <param name="startup">The start-up S, seconds.</param>
    /// <param name="perCluster">C.</param>
    /// <param name="perNode">L.</param>
    /// <param name="nicFreeIn">Per source, seconds until its NIC has sent what is queued on it (0 when free).</param>
    /// <param name="outbound">Per source, its migrations in flight.</param>
    /// <param name="transfers">Per source, its candidates' transfer seconds, longest first.</param>
    /// <param name="inFlight">Every migration in flight: its source (-1 for one out of a node that is not a source here)
    /// and the seconds until it ends.</param>
    public DrainRollout(double startup, int perCluster, int perNode, double[] nicFreeIn, int[] outbound, double[][] transfers,
        List<(int Source, double EndsIn)> inFlight)
    {
        _startup = startup;
        _perCluster = perCluster;
        _perNode = perNode;
        _nicFree = nicFreeIn;
        _outbound = outbound;
        _transfers = transfers;
        _inFlight = inFlight;
        var n = transfers.Length;
        _free = new double[n];
        _out = new int[n];
        _next = new int[n];
        _nicLeft = new double[n];
        _slotLeft = new double[n];
        _taken = new bool[n][];
        _order = new int[n][];
        _nicWork = new double[n];
        _slotWork = new double[n];
        for (var s = 0; s < n; s++)
        {
            _taken[s] = new bool[transfers[s].Length];
            _order[s] = new int[transfers[s].Length];
            foreach (var t in transfers[s])
            {
                _nicWork[s] += t;
                _slotWork[s] += startup + t;
            }
        }

        LongestFirst();
    }

    /// <summary>
    /// The predicted makespan (seconds from now) when candidate <paramref name="candidate"/> (an index into the source's
    /// transfers) of <paramref name="source"/> starts now, or, with <paramref name="source"/> -1, when nothing starts now;
    /// infinity when the play cannot finish (no slot ever frees).
    /// </summary>
    public double Play(int source, int candidate) => PlayFrom(source, candidate, hold: source < 0);

    /// <summary>The candidate that starts first out of <paramref name="source"/> in the order the play follows.</summary>
    public int First(int source) => _order[source].Length == 0 ? -1 : _order[source][0];

    /// <summary>
    /// Improves the order each source's candidates start in after the choice: two candidates of the same source with
    /// different lengths swap places while the drain, played by the rule from now, ends sooner (the first swap found
    /// that does, then the scan starts again), within <paramref name="maxPlays"/> plays. Returns the play's end in the
    /// order it leaves.
    /// </summary>
    /// <remarks>
    /// Longest first leaves slots idle when the cluster limit binds: while the long transfers hold the NICs, the
    /// start-ups beside them cannot use all the cluster's slots, and the short ones then run bound by those slots; an
    /// order that interleaves short and long migrations keeps both busy (an offline model of the generated family's
    /// seed 109 under 5/2: 136.8 s longest first, 129.7 s in the order a local search finds, bound 123.5 s).
    /// </remarks>
    public double ImproveOrders(int maxPlays, double minGainFraction)
    {
        Func<double> byRule = () => PlayFrom(-1, -1, hold: false);
        var longest = byRule();
        var end = longest;
        var plays = 1;
        var improved = true;
        while (improved && plays < maxPlays)
        {
            improved = false;
            for (var s = 0; s < _order.Length && !improved; s++)
            {
                improved = OrderSwaps.TryImprove(_order[s], _transfers[s], byRule, ref end, ref plays, maxPlays);
            }
        }

        if (end > longest * (1 - minGainFraction))
        {
            LongestFirst();
            return longest;
        }

        return end;
    }

    // Every source's candidates in the order they were given: longest first.
    private void LongestFirst()
    {
        foreach (var order in _order)
        {
            for (var k = 0; k < order.Length; k++)
            {
                order[k] = k;
            }
        }
    }

    private double PlayFrom(int source, int candidate, bool hold)
    {
        Reset();
        var makespan = 0.0;
        foreach (var (_, endsIn) in _inFlight)
        {
            makespan = Math.Max(makespan, endsIn);
        }

        var busy = _inFlight.Count;
        var left = 0;
        for (var s = 0; s < _transfers.Length; s++)
        {
            left += _transfers[s].Length;
        }

        var now = 0.0;
        if (source >= 0)
        {
            makespan = Math.Max(makespan, Start(source, candidate, now));
            busy++;
            left--;
        }

        while (left > 0)
        {
            while (_ends.TryPeek(out var ended, out var at) && at <= now + Epsilon)
            {
                _ends.Dequeue();
                busy--;
                if (ended >= 0)
                {
                    _out[ended]--;
                }
            }

            if (!hold)
            {
                while (busy < _perCluster && Due(now) is { } due)
                {
                    makespan = Math.Max(makespan, Start(due, _order[due][_next[due]], now));
                    busy++;
                    left--;
                }
            }

            hold = false;
            if (left == 0 || NextEvent(now) is not { } next)
            {
                break;
            }

            now = next;
        }

        return left > 0 ? double.PositiveInfinity : makespan;
    }

    private void Reset()
    {
        _ends.Clear();
        foreach (var (s, endsIn) in _inFlight)
        {
            _ends.Enqueue(s, endsIn);
        }

        for (var s = 0; s < _transfers.Length; s++)
        {
            _free[s] = _nicFree[s];
            _out[s] = _outbound[s];
            _next[s] = 0;
            Array.Clear(_taken[s]);
            _nicLeft[s] = _nicWork[s];
            _slotLeft[s] = _slotWork[s];
        }
    }

    // Starts candidate k of source s at `now`; returns when it ends.
    private double Start(int s, int k, double now)
    {
        var transfer = _transfers[s][k];
        _taken[s][k] = true;
        while (_next[s] < _transfers[s].Length && _taken[s][_order[s][_next[s]]])
        {
            _next[s]++;
        }

        var end = Math.Max(now + _startup, _free[s]) + transfer;
        _free[s] = end;
        _out[s]++;
        _nicLeft[s] -= transfer;
        _slotLeft[s] -= _startup + transfer;
        _ends.Enqueue(s, end);
        return end;
    }

    // The due source with a free slot and the most work left: its NIC's queue and candidates, or its slots' work.
    private int? Due(double now)
    {
        int? best = null;
        var bestLeft = double.NegativeInfinity;
        for (var s = 0; s < _transfers.Length; s++)
        {
            if (_next[s] >= _transfers[s].Length || _out[s] >= _perNode || _free[s] - _startup > now + Epsilon)
            {
                continue;
            }

            var workLeft = Math.Max(Math.Max(0, _free[s] - now) + _nicLeft[s], _slotLeft[s] / _perNode);
            if (workLeft > bestLeft)
            {
                best = s;
                bestLeft = workLeft;
            }
        }

        return best;
    }

    // The next time something can change: a migration ends, or a source with candidates and a free slot becomes due.
    private double? NextEvent(double now)
    {
        var next = double.PositiveInfinity;
        if (_ends.TryPeek(out _, out var at))
        {
            next = Math.Max(at, now + Epsilon);
        }

        for (var s = 0; s < _transfers.Length; s++)
        {
            var due = _free[s] - _startup;
            if (_next[s] < _transfers[s].Length && _out[s] < _perNode && due > now + Epsilon)
            {
                next = Math.Min(next, due);
            }
        }

        return double.IsPositiveInfinity(next) ? null : next;
    }
}
