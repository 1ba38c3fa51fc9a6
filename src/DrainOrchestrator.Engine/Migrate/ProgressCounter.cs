using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// The per-node progress counts of a pass and the time its remaining migrations need, from the attempts and where the
/// planned VMIs are now (<see cref="PlannedVmiPlaces"/>). What the plan alone decides (each node's items, the item of
/// each uid) is indexed once, so a pass costs one walk over the attempts and one over the plan's items in arrays, with
/// no look-up in the cluster and no set built per node. A uid planned twice counts once per node, as a set of uids would.
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
    private int _stamp;

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
    }

    /// <summary>The counts of each drained node, in the order the nodes were given.</summary>
    public List<NodeProgress> Count(IReadOnlyList<AttemptRecord> records, IReadOnlySet<string> givenUp, PlannedVmiPlaces places)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(givenUp);
        ArgumentNullException.ThrowIfNull(places);
        var succeededFrom = ReadAttempts(records);
        var result = new List<NodeProgress>(_nodes.Length);
        foreach (var node in _nodes)
        {
            var movedOff = succeededFrom.GetValueOrDefault(node.Name);
            var stamp = ++_stamp;
            var (moved, given, flying, failedAttempts) = (0, 0, 0, 0);
            foreach (var i in node.Migrating)
            {
                var first = _first[i];
                var uid = _items[i].Vmi.Uid;
                // A VM being restarted has lost its old VMI before it runs again: it has not moved until its restart ends. A
                // verified success off this node counts even while the informer still shows the VMI on it (its update lags the
                // VMIM's), or the last pass would record a moved VM as remaining.
                if ((movedOff?.Contains(uid) == true || !places.Exists(i) || !string.Equals(places.NodeOf(i), node.Name, StringComparison.Ordinal))
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
            var movedEarlier = movedOff?.Count(u => !node.Planned.Contains(u)) ?? 0;
            result.Add(new NodeProgress(node.Name, node.Items.Length + movedEarlier, moved + movedEarlier, node.Migrating.Length - moved - given,
                flying, failedAttempts, retrying, given, node.Items.Length - node.Migrating.Length));
        }

        return result;
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

    // Per uid (at its first item): in flight, failed attempts charged, succeeded; and per source node, the uids moved off it.
    private Dictionary<string, HashSet<string>> ReadAttempts(IReadOnlyList<AttemptRecord> records)
    {
        Array.Clear(_inFlight);
        Array.Clear(_failed);
        Array.Clear(_succeeded);
        var succeededFrom = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var first = _firstByUid.TryGetValue(record.VmiUid, out var at) ? at : -1;
            if (record.Outcome == AttemptOutcome.Succeeded)
            {
                if (!succeededFrom.TryGetValue(record.SourceNode, out var uids))
                {
                    succeededFrom[record.SourceNode] = uids = new HashSet<string>(StringComparer.Ordinal);
                }

                uids.Add(record.VmiUid);
            }

            if (first < 0)
            {
                continue;
            }

            _inFlight[first] |= !record.IsFinal;
            _succeeded[first] |= record.Outcome == AttemptOutcome.Succeeded;
            _failed[first] += AttemptFailures.IsCharged(record) ? 1 : 0;
        }

        return succeededFrom;
    }

    private sealed record NodeItems(string Name, int[] Items, int[] Migrating, HashSet<string> Planned)
    {
        public static NodeItems Of(string name, List<int> items, PlannedVmi[] all) => new(name, [.. items],
            [.. items.Where(i => all[i].Disposition is PlanDisposition.Migrate or PlanDisposition.Restart)],
            items.Select(i => all[i].Vmi.Uid).ToHashSet(StringComparer.Ordinal));
    }
}
