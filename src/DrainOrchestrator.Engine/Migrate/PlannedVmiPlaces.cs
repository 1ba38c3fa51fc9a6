using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// Where each item of a plan (by position) is now: whether the view shows its VMI (by uid), on which node, and whether
/// that node is drained. Read from the view in full once (and whenever the view cannot say what changed), then only for
/// the items whose key (<c>namespace/name</c>) the view's change log names: a uid always keeps its namespace and name,
/// so an item's place changes only with its key. A pass then counts progress from arrays, never looking its plan's
/// 10,000 VMIs up in the view.
/// </summary>
internal sealed class PlannedVmiPlaces
{
    private readonly string[] _uids;
    private readonly Dictionary<string, List<int>> _itemsByKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _drained;
    private readonly bool[] _exists;
    private readonly string?[] _nodes;
    private readonly bool[] _onDrained;
    private readonly bool[] _marked;
    private readonly List<int> _changed = [];
    private bool _allChanged = true;
    private bool _loaded;

    public PlannedVmiPlaces(DrainPlan plan, IEnumerable<string> drainedNodes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _drained = new HashSet<string>(drainedNodes, StringComparer.Ordinal);
        var count = plan.Items.Count;
        (_uids, _exists, _nodes, _onDrained, _marked) = (new string[count], new bool[count], new string?[count], new bool[count], new bool[count]);
        for (var i = 0; i < count; i++)
        {
            var vmi = plan.Items[i].Vmi;
            _uids[i] = vmi.Uid;
            var key = ClusterIndex.Key(vmi.Namespace, vmi.Name);
            if (!_itemsByKey.TryGetValue(key, out var items))
            {
                _itemsByKey[key] = items = [];
            }

            items.Add(i);
        }
    }

    /// <summary>How many items the last update looked up in the view.</summary>
    public int LastLookedUp { get; private set; }

    /// <summary>
    /// Brings the places to <paramref name="cluster"/>, given what changed since the last update (null, or
    /// <see cref="ClusterChanges.All"/>: unknown, every item is looked up again).
    /// </summary>
    public void Update(ClusterState cluster, ClusterChanges? changes)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        LastLookedUp = 0;
        if (!_loaded || changes is null || changes.All)
        {
            for (var i = 0; i < _uids.Length; i++)
            {
                Read(cluster, i);
            }

            _loaded = true;
            _allChanged = true;
            return;
        }

        foreach (var key in changes.Vmis)
        {
            if (_itemsByKey.TryGetValue(key, out var items))
            {
                foreach (var i in items)
                {
                    Read(cluster, i);
                }
            }
        }
    }

    /// <summary>Whether the view shows the VMI of item <paramref name="item"/> (by its uid).</summary>
    public bool Exists(int item) => _exists[item];

    /// <summary>The node the VMI of item <paramref name="item"/> is on; null when it has none or the view does not show it.</summary>
    public string? NodeOf(int item) => _nodes[item];

    /// <summary>Whether the view shows the VMI of item <paramref name="item"/> on a drained node.</summary>
    public bool OnDrained(int item) => _onDrained[item];

    /// <summary>
    /// The items whose place (<see cref="Exists"/>, <see cref="NodeOf"/>) changed since the last call, into
    /// <paramref name="into"/> (cleared first); false when every item must be taken as changed (the places were read
    /// anew). For one reader (<see cref="ProgressCounter"/>).
    /// </summary>
    public bool TakeChanged(List<int> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        foreach (var i in _changed)
        {
            _marked[i] = false;
        }

        var all = _allChanged;
        if (!all)
        {
            into.AddRange(_changed);
        }

        _changed.Clear();
        _allChanged = false;
        return !all;
    }

    private void Read(ClusterState cluster, int i)
    {
        LastLookedUp++;
        var vmi = cluster.FindVmi(_uids[i]);
        var (exists, node) = (vmi is not null, vmi?.Status?.NodeName);
        if ((exists != _exists[i] || !string.Equals(node, _nodes[i], StringComparison.Ordinal)) && !_marked[i])
        {
            _marked[i] = true;
            _changed.Add(i);
        }

        _exists[i] = exists;
        _nodes[i] = node;
        _onDrained[i] = exists && _drained.Contains(node ?? "");
    }
}
