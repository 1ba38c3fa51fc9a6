using System.Globalization;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>
/// What rendering needs beyond one snapshot: the VMs (a VMI's pod and affinity come from its VM), stable node addresses,
/// when a node's readiness last changed, when a VMIM's abort was first seen. Mostly used by the change pump; the write
/// hook renders a new VMIM's status with it too, hence the lock.
/// </summary>
internal sealed class RenderContext(DateTimeOffset startedAt)
{
    private readonly Dictionary<string, VirtualMachineSnapshot> _vms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nodeAddresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (bool Ready, DateTimeOffset Since)> _readiness = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _abortsSeen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Model time when the cluster started: the time of conditions that never changed.</summary>
    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>How many nodes the cluster has (for scheduling messages).</summary>
    public int NodeCount
    {
        get
        {
            lock (_lock)
            {
                return _nodeAddresses.Count;
            }
        }
    }

    public void Remember(VirtualMachineSnapshot vm)
    {
        lock (_lock)
        {
            _vms[Key(vm.Namespace, vm.Name)] = vm;
        }
    }

    public VirtualMachineSnapshot? VirtualMachine(string @namespace, string name)
    {
        lock (_lock)
        {
            return _vms.GetValueOrDefault(Key(@namespace, name));
        }
    }

    /// <summary>An InternalIP per node, 10.x.y.z from its position in the scenario.</summary>
    public string NodeAddress(string node)
    {
        lock (_lock)
        {
            return NodeAddressLocked(node);
        }
    }

    private string NodeAddressLocked(string node)
    {
        if (!_nodeAddresses.TryGetValue(node, out var address))
        {
            var n = _nodeAddresses.Count + 1;
            address = string.Create(CultureInfo.InvariantCulture, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
            _nodeAddresses[node] = address;
        }

        return address;
    }

    /// <summary>When the node's Ready condition last changed, recording a change seen at <paramref name="at"/>.</summary>
    public DateTimeOffset ReadySince(string node, bool ready, DateTimeOffset at)
    {
        lock (_lock)
        {
            return ReadySinceLocked(node, ready, at);
        }
    }

    private DateTimeOffset ReadySinceLocked(string node, bool ready, DateTimeOffset at)
    {
        if (_readiness.TryGetValue(node, out var known) && known.Ready == ready)
        {
            return known.Since;
        }

        var since = _readiness.ContainsKey(node) ? at : StartedAt;
        _readiness[node] = (ready, since);
        return since;
    }

    /// <summary>When the abort of a VMIM was first seen.</summary>
    public DateTimeOffset AbortSeen(string uid, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!_abortsSeen.TryGetValue(uid, out var seen))
            {
                seen = at;
                _abortsSeen[uid] = seen;
            }

            return seen;
        }
    }

    public void Forget(VmimSnapshot migration)
    {
        lock (_lock)
        {
            _abortsSeen.Remove(migration.Uid);
        }
    }

    /// <summary>A stable fake pod IP derived from the pod uid.</summary>
    public static string PodAddress(string uid)
    {
        // Not string.GetHashCode: it is randomised per process, and a replay should show the same addresses.
        var hash = 0u;
        foreach (var c in uid)
        {
            hash = (hash * 31) + c;
        }

        return string.Create(CultureInfo.InvariantCulture, $"10.{128 + (hash % 64)}.{(hash >> 8) & 255}.{((hash >> 16) & 253) + 1}");
    }

    private static string Key(string @namespace, string name) => $"{@namespace}/{name}";
}
