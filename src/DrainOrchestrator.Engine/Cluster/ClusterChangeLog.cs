namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// The keys a <see cref="ClusterCache"/> changed, in order, at most a capacity of them: a consumer further behind, or
/// behind a list that replaced a whole kind, is told to look at everything again. Not thread-safe (the cache locks).
/// </summary>
internal sealed class ClusterChangeLog(int capacity)
{
    private readonly List<(ClusterKind Kind, string Key)> _entries = [];

    // The position of _entries[0] minus one: positions before it are forgotten.
    private long _start;

    // The last position at which a whole kind was replaced.
    private long _lastAll;

    private long End => _start + _entries.Count;

    public void Append(ClusterKind kind, string key)
    {
        if (_entries.Count >= Math.Max(1, capacity))
        {
            var dropped = _entries.Count / 2 + 1;
            _entries.RemoveRange(0, dropped);
            _start += dropped;
        }

        _entries.Add((kind, key));
    }

    public void AppendAll()
    {
        _start = End + 1;
        _entries.Clear();
        _lastAll = _start;
    }

    public ClusterChanges Since(long through)
    {
        if (through < 0 || through < _start || through < _lastAll || through > End)
        {
            return ClusterChanges.Everything(End);
        }

        var (nodes, vmis, migrations, vms, others) = (Set(), Set(), Set(), Set(), new HashSet<ClusterKind>());
        for (var i = (int)(through - _start); i < _entries.Count; i++)
        {
            var (kind, key) = _entries[i];
            _ = kind switch
            {
                ClusterKind.Node => nodes.Add(key),
                ClusterKind.Vmi => vmis.Add(key),
                ClusterKind.Migration => migrations.Add(key),
                ClusterKind.VirtualMachine => vms.Add(key),
                _ => others.Add(kind),
            };
        }

        return new ClusterChanges(End, false, nodes, vmis, migrations, vms, others);
    }

    private static HashSet<string> Set() => new(StringComparer.Ordinal);
}
