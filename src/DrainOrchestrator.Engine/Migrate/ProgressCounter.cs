using System.Runtime.InteropServices;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// The per-node progress counts of a pass and the time its remaining migrations need, from the attempts and where the
/// planned VMIs are now (<see cref="PlannedVmiPlaces"/>). What the plan alone decides (each node's items, the item of
/// each uid) is indexed once, so a pass costs one walk over the attempts, and counts again only the nodes whose inputs
/// moved since the last pass (an attempt's state, a success off the node, a give-up, a planned VMI's place, from
/// <see cref="PlannedVmiPlaces.TakeChanged"/>); the others keep their counts. No look-up in the cluster, no set built per
/// node. A uid planned twice counts once per node, as a set of uids would. One counter reads one places instance.
/// </summary>
internal sealed class ProgressCounter
{
    private readonly PlannedVmi[] _items;
    private readonly int[] _first;
    private readonly Dictionary<string, int> _firstByUid = new(StringComparer.Ordinal);
    private readonly NodeItems[] _nodes;
    private readonly bool[] _inFlight;
    private readonly int[] _failed;
    private readonly bool[] _succeeded;
    private readonly int[] _movedStamp;
    private readonly int[][] _nodesOfItem;
    private readonly Dictionary<int, int[]> _nodesOfFirst = [];
    private readonly Dictionary<string, int[]> _nodesByName;
    private readonly Dictionary<string, Dictionary<string, int>> _succeededFrom = new(StringComparer.Ordinal);
    private Dictionary<int, (bool InFlight, int Failed, bool Succeeded)> _state = [];
    private Dictionary<int, (bool InFlight, int Failed, bool Succeeded)> _stateBefore = [];
    private readonly HashSet<string> _givenUpBefore = new(StringComparer.Ordinal);
    private readonly List<int> _placesChanged = [];
    private readonly bool[] _dirty;
    private List<NodeProgress>? _counts;
    private int _stamp;
    private int _pass;

    public ProgressCounter(DrainPlan plan, IReadOnlyList<string> nodes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(nodes);
        _items = [.. plan.Items];
        _first = new int[_items.Length];
        for (var i = 0; i < _items.Length; i++)
        {
            _first[i] = _firstByUid.TryGetValue(_items[i].Vmi.Uid, out var first) ? first : _firstByUid[_items[i].Vmi.Uid] = i;
        }

        var byNode = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _items.Length; i++)
        {
            if (!byNode.TryGetValue(_items[i].Vmi.NodeName, out var list))
            {
                byNode[_items[i].Vmi.NodeName] = list = [];
            }

            list.Add(i);
        }

        _nodes = [.. nodes.Select(n => NodeItems.Of(n, byNode.GetValueOrDefault(n) ?? [], _items))];
        (_inFlight, _failed, _succeeded, _movedStamp) = (new bool[_items.Length], new int[_items.Length], new bool[_items.Length], new int[_items.Length]);
        _dirty = new bool[_nodes.Length];
        _nodesByName = Enumerable.Range(0, _nodes.Length).GroupBy(k => _nodes[k].Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        // Which drained nodes (positions in _nodes) count each item, and each uid (at its first item) through its items.
        var nodesOfItem = new List<int>[_items.Length];
        for (var k = 0; k < _nodes.Length; k++)
        {
            foreach (var i in _nodes[k].Items)
            {
                (nodesOfItem[i] ??= []).Add(k);
            }
        }

        _nodesOfItem = [.. nodesOfItem.Select(l => l is null ? [] : l.ToArray())];
        var byFirst = new Dictionary<int, HashSet<int>>();
        for (var i = 0; i < _items.Length; i++)
        {
            if (!byFirst.TryGetValue(_first[i], out var set))
            {
                byFirst[_first[i]] = set = [];
            }

            set.UnionWith(_nodesOfItem[i]);
        }

        foreach (var (first, set) in byFirst)
        {
            _nodesOfFirst[first] = [.. set];
        }
    }

    /// <summary>The counts of each drained node, in the order the nodes were given.</summary>
    public List<NodeProgress> Count(IReadOnlyList<AttemptRecord> records, IReadOnlySet<string> givenUp, PlannedVmiPlaces places)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(givenUp);
        ArgumentNullException.ThrowIfNull(places);
        var placesKnown = places.TakeChanged(_placesChanged);
        var all = _counts is null || !placesKnown;
        ReadAttempts(records, all);
        if (all)
        {
            Array.Fill(_dirty, true);
        }
        else
        {
            foreach (var i in _placesChanged)
            {
                Mark(_nodesOfItem[i]);
            }
        }

        MarkGivenUp(givenUp);
        var counts = _counts;
        for (var k = 0; k < _nodes.Length; k++)
        {
            if (!_dirty[k])
            {
                continue;
            }

            // Only the nodes whose inputs moved are counted again; the others keep their counts (the same instances).
            _dirty[k] = false;
            var node = _nodes[k];
            var counted = CountNode(node, _succeededFrom.GetValueOrDefault(node.Name), givenUp, places);
            if (counts is null || counts == _counts)
            {
                counts = counts is null ? new List<NodeProgress>(_nodes.Length) : [.. counts];
            }

            if (counts.Count > k)
            {
                counts[k] = counted;
            }
            else
            {
                counts.Add(counted);
            }
        }

        _counts = counts ?? [];
        return _counts;
    }

    private NodeProgress CountNode(NodeItems node, Dictionary<string, int>? movedOff, IReadOnlySet<string> givenUp, PlannedVmiPlaces places)
    {
        var stamp = ++_stamp;
        var (moved, given, flying, failedAttempts) = (0, 0, 0, 0);
        foreach (var i in node.Migrating)
        {
            var first = _first[i];
            var uid = _items[i].Vmi.Uid;
            // A VM being restarted has lost its old VMI before it runs again: it has not moved until its restart ends. A
            // verified success off this node counts even while the informer still shows the VMI on it (its update lags the
            // VMIM's), or the last pass would record a moved VM as remaining.
            if ((movedOff?.ContainsKey(uid) == true || !places.Exists(i) || !string.Equals(places.NodeOf(i), node.Name, StringComparison.Ordinal))
                && !(_items[i].Disposition == PlanDisposition.Restart && _inFlight[first]) && _movedStamp[first] != stamp)
            {
                _movedStamp[first] = stamp;
                moved++;
            }

            given += IsGivenUp(givenUp, uid) ? 1 : 0;
            flying += _inFlight[first] ? 1 : 0;
            failedAttempts += _failed[first];
        }

        // Still tried after a failure: neither moved nor given up on (waiting out its backoff, or its retry in flight).
        var retrying = 0;
        foreach (var i in node.Migrating)
        {
            var first = _first[i];
            retrying += _failed[first] > 0 && _movedStamp[first] != stamp && !IsGivenUp(givenUp, _items[i].Vmi.Uid) ? 1 : 0;
        }

        // After a take-over the plan holds only the VMs still on the node: those an earlier run moved off it count too.
        var movedEarlier = 0;
        foreach (var uid in movedOff?.Keys ?? Enumerable.Empty<string>())
        {
            movedEarlier += node.Planned.Contains(uid) ? 0 : 1;
        }

        return new NodeProgress(node.Name, node.Items.Length + movedEarlier, moved + movedEarlier, node.Migrating.Length - moved - given,
            flying, failedAttempts, retrying, given, node.Items.Length - node.Migrating.Length);
    }

    /// <summary>
    /// The predicted seconds of the migrations left, one after another, as the last <see cref="Count"/> saw the attempts:
    /// planned to migrate, not succeeded, on a drained node, not given up.
    /// </summary>
    public double RemainingSeconds(IReadOnlySet<string> givenUp, PlannedVmiPlaces places)
    {
        ArgumentNullException.ThrowIfNull(givenUp);
        ArgumentNullException.ThrowIfNull(places);
        var seconds = 0.0;
        for (var i = 0; i < _items.Length; i++)
        {
            if (_items[i].Disposition == PlanDisposition.Migrate && !_succeeded[_first[i]] && places.OnDrained(i) && !IsGivenUp(givenUp, _items[i].Vmi.Uid))
            {
                seconds += _items[i].Estimate.Duration.TotalSeconds;
            }
        }

        return seconds;
    }

    private static bool IsGivenUp(IReadOnlySet<string> givenUp, string uid) => givenUp.Count > 0 && givenUp.Contains(uid);

    private void Mark(int[] nodes)
    {
        foreach (var k in nodes)
        {
            _dirty[k] = true;
        }
    }

    // The nodes of the uids given up on, or no longer, since the last count.
    private void MarkGivenUp(IReadOnlySet<string> givenUp)
    {
        if (givenUp.Count == _givenUpBefore.Count && (givenUp.Count == 0 || _givenUpBefore.SetEquals(givenUp)))
        {
            return;
        }

        foreach (var uid in givenUp)
        {
            if (!_givenUpBefore.Contains(uid) && _firstByUid.TryGetValue(uid, out var first))
            {
                Mark(_nodesOfFirst[first]);
            }
        }

        foreach (var uid in _givenUpBefore)
        {
            if (!givenUp.Contains(uid) && _firstByUid.TryGetValue(uid, out var first))
            {
                Mark(_nodesOfFirst[first]);
            }
        }

        _givenUpBefore.Clear();
        _givenUpBefore.UnionWith(givenUp);
    }

    // Per uid (at its first item): in flight, failed attempts charged, succeeded; and per source node, the uids moved off
    // it. Marks the nodes whose uids' states or moved-off uids changed since the last read (all of them when all).
    private void ReadAttempts(IReadOnlyList<AttemptRecord> records, bool all)
    {
        var pass = ++_pass;
        (_state, _stateBefore) = (_stateBefore, _state);
        _state.Clear();
        foreach (var record in records)
        {
            if (record.Outcome == AttemptOutcome.Succeeded)
            {
                if (!_succeededFrom.TryGetValue(record.SourceNode, out var uids))
                {
                    _succeededFrom[record.SourceNode] = uids = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                if (!uids.ContainsKey(record.VmiUid))
                {
                    MarkNode(record.SourceNode);
                }

                uids[record.VmiUid] = pass;
            }

            if (_firstByUid.TryGetValue(record.VmiUid, out var first))
            {
                ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_state, first, out _);
                state.InFlight |= !record.IsFinal;
                state.Succeeded |= record.Outcome == AttemptOutcome.Succeeded;
                state.Failed += AttemptFailures.IsCharged(record) ? 1 : 0;
            }
        }

        // A success no longer among the records (rare: the records were read anew) leaves its node's moved-off uids.
        List<(string Node, string Uid)>? gone = null;
        foreach (var (node, uids) in _succeededFrom)
        {
            foreach (var (uid, seen) in uids)
            {
                if (seen != pass)
                {
                    (gone ??= []).Add((node, uid));
                }
            }
        }

        foreach (var (node, uid) in gone ?? [])
        {
            _succeededFrom[node].Remove(uid);
            MarkNode(node);
        }

        foreach (var (first, before) in _stateBefore)
        {
            if (!_state.ContainsKey(first))
            {
                (_inFlight[first], _failed[first], _succeeded[first]) = (false, 0, false);
                if (before != default)
                {
                    Mark(_nodesOfFirst[first]);
                }
            }
        }

        foreach (var (first, now) in _state)
        {
            (_inFlight[first], _failed[first], _succeeded[first]) = now;
            if (all || now != _stateBefore.GetValueOrDefault(first))
            {
                Mark(_nodesOfFirst[first]);
            }
        }
    }

    private void MarkNode(string node)
    {
        if (_nodesByName.TryGetValue(node, out var nodes))
        {
            Mark(nodes);
        }
    }

    private sealed record NodeItems(string Name, int[] Items, int[] Migrating, HashSet<string> Planned)
    {
        public static NodeItems Of(string name, List<int> items, PlannedVmi[] all) => new(name, [.. items],
            [.. items.Where(i => all[i].Disposition is PlanDisposition.Migrate or PlanDisposition.Restart)],
            items.Select(i => all[i].Vmi.Uid).ToHashSet(StringComparer.Ordinal));
    }
}
