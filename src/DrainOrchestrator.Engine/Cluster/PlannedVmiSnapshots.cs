using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// For each item of a plan (by position), its VMI as the <see cref="SnapshotCache"/>'s last snapshot lists it, or
/// null: Core's <see cref="SchedulerState.PlannedVmis"/>. Found in full after the cache mapped everything again, and
/// otherwise only for the keys it mapped again (a uid keeps its namespace and name, so an item's VMI changes only with
/// its key). Handed out frozen, sharing the chunks no change touched, so a decision never walks the cluster's VMIs to
/// find the plan's. One reader at a time, after each read of the cache.
/// </summary>
internal sealed class PlannedVmiSnapshots
{
    private readonly string[] _uids;
    private readonly string[] _keys;
    private readonly Dictionary<string, List<int>> _itemsByKey = new(StringComparer.Ordinal);
    private readonly ChunkedList<VmiSnapshot?> _vmis = new();
    private IReadOnlyList<VmiSnapshot?>? _frozen;
    private bool _loaded;

    public PlannedVmiSnapshots(DrainPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _uids = new string[plan.Items.Count];
        _keys = new string[plan.Items.Count];
        for (var i = 0; i < plan.Items.Count; i++)
        {
            var vmi = plan.Items[i].Vmi;
            (_uids[i], _keys[i]) = (vmi.Uid, ClusterIndex.Key(vmi.Namespace, vmi.Name));
            if (!_itemsByKey.TryGetValue(_keys[i], out var items))
            {
                _itemsByKey[_keys[i]] = items = [];
            }

            items.Add(i);
            _vmis.Add(null);
        }
    }

    /// <summary>Whether an item of the plan has the VMI with this key (<c>namespace/name</c>).</summary>
    public bool Plans(string key) => _itemsByKey.ContainsKey(key);

    /// <summary>How many items the last update looked up.</summary>
    public int LastLookedUp { get; private set; }

    /// <summary>The items' VMIs as <paramref name="cache"/>'s last read lists them.</summary>
    public IReadOnlyList<VmiSnapshot?> Update(SnapshotCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        LastLookedUp = 0;
        if (!_loaded || cache.LastRemapped is null)
        {
            for (var i = 0; i < _uids.Length; i++)
            {
                Set(i, cache);
            }

            _loaded = true;
        }
        else
        {
            foreach (var key in cache.LastRemapped)
            {
                if (_itemsByKey.TryGetValue(key, out var items))
                {
                    foreach (var i in items)
                    {
                        Set(i, cache);
                    }
                }
            }
        }

        return _frozen ??= _vmis.Freeze();
    }

    private void Set(int i, SnapshotCache cache)
    {
        LastLookedUp++;
        var listed = cache.Listed(_keys[i]);
        var vmi = listed is not null && string.Equals(listed.Uid, _uids[i], StringComparison.Ordinal) ? listed : null;
        if (!ReferenceEquals(vmi, _vmis[i]))
        {
            _vmis[i] = vmi;
            _frozen = null;
        }
    }
}
