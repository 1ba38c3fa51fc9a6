using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>The VMIs of the snapshot: mapped by key, kept in a dense list that a removal fills from its end.</summary>
public sealed partial class SnapshotCache
{
    private readonly Dictionary<string, MappedVmi> _vmis = new(StringComparer.Ordinal);
    private readonly ChunkedList<VmiSnapshot> _slots = new();
    private readonly List<string> _slotKeys = [];
    private readonly Dictionary<string, InvalidHint> _vmiHints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _requested = new(StringComparer.Ordinal);
    private IReadOnlyList<VmiSnapshot>? _vmiList;

    private void ClearVmis()
    {
        _vmis.Clear();
        _slots.Clear();
        _slotKeys.Clear();
        _vmiHints.Clear();
        _requested.Clear();
        _vmiList = null;
    }

    // Maps the VMI with this key again as the state shows it (or forgets it), keeping each node's requested memory.
    // False when it maps to what the snapshot lists already (a change of something the snapshot does not carry): the
    // listed instance stays.
    private bool SetVmi(string key, ClusterState state)
    {
        var (mapped, hint) = MapVmi(key, state);
        if (mapped is null && !_vmis.ContainsKey(key))
        {
            return false;
        }

        if (mapped is not null && _vmis.TryGetValue(key, out var listed) && listed.Slot >= 0
            && Equals(hint, _vmiHints.GetValueOrDefault(key)) && SnapshotContent.Same(_slots[listed.Slot], mapped))
        {
            return false;
        }

        if (_vmis.Remove(key, out var old))
        {
            RemoveSlot(old.Slot);
            _vmiHints.Remove(key);
            if (old.Slot >= 0)
            {
                AddRequested(old.Node, -old.Memory);
            }
        }

        if (mapped is null)
        {
            return true;
        }

        if (hint is not null)
        {
            _vmiHints[key] = hint;
        }

        var slot = -1;
        if (mapped.NodeName.Length > 0)
        {
            slot = _slots.Count;
            _slots.Add(mapped);
            _slotKeys.Add(key);
            AddRequested(mapped.NodeName, mapped.MemoryBytes);
        }

        _vmis[key] = new MappedVmi(slot, mapped.NodeName, mapped.MemoryBytes);
        _vmiList = null;
        return true;
    }

    // The VMI with this key as the state shows it and its first invalid hint; null when the state has none to map.
    private static (VmiSnapshot? Vmi, InvalidHint? Hint) MapVmi(string key, ClusterState state)
    {
        if (state.Index.Vmi(key) is not { } vmi || !SnapshotMapper.IsMapped(vmi))
        {
            return (null, null);
        }

        var ns = vmi.Metadata.Namespace ?? "";
        var vm = SnapshotMapper.OwnerVmName(vmi) is { } owner ? state.FindVirtualMachine(ns, owner) : null;
        var labels = state.FindNamespace(ns) is { } found ? found.Metadata.Labels ?? new Dictionary<string, string>(StringComparer.Ordinal) : null;
        var invalid = new List<InvalidHint>(0);
        var mapped = SnapshotMapper.MapVmi(vmi, labels, vm, invalid);
        return (mapped, invalid.Count > 0 ? invalid[0] : null);
    }

    private void RemoveSlot(int slot)
    {
        if (slot < 0)
        {
            return;
        }

        var last = _slots.Count - 1;
        if (slot != last)
        {
            _slots[slot] = _slots[last];
            _slotKeys[slot] = _slotKeys[last];
            _vmis[_slotKeys[slot]] = _vmis[_slotKeys[slot]] with { Slot = slot };
        }

        _slots.RemoveLast();
        _slotKeys.RemoveAt(last);
        _vmiList = null;
    }

    private void AddRequested(string node, long bytes)
    {
        _requested[node] = _requested.GetValueOrDefault(node) + bytes;
        _dirtyNodes.Add(node);
    }

    /// <summary>The VMI with this key (<c>namespace/name</c>) as the last snapshot lists it, or null when it lists none.</summary>
    public VmiSnapshot? Listed(string key) => _vmis.TryGetValue(key, out var mapped) && mapped.Slot >= 0 ? _slots[mapped.Slot] : null;

    // Frozen, so a snapshot handed out never changes; frozen again only after a VMI changed (sharing the unchanged chunks).
    private IReadOnlyList<VmiSnapshot> VmiList() => _vmiList ??= _slots.Freeze();

    private sealed record MappedVmi(int Slot, string Node, long Memory);
}
