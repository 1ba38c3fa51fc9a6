using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Model;

/// <summary>
/// What KubeVirt alone's driver needs to see of the simulated cluster: the model's change stream folded into the current
/// VMIs, and the VMIMs that reached a final phase since they were last taken. The orchestrator's runs see the cluster
/// through the engine's own view instead (<c>Engine/ModelView</c>).
/// </summary>
internal sealed class ClusterMirror : IObserver<ClusterChange>, IDisposable
{
    private readonly Dictionary<string, VmiSnapshot> _vmis = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VmimSnapshot> _unfinished = new(StringComparer.Ordinal);
    private readonly List<VmimSnapshot> _finished = [];
    private readonly IDisposable _subscription;

    public ClusterMirror(SimulatedCluster cluster)
    {
        _subscription = cluster.Subscribe(this);
        foreach (var vmi in cluster.GetVmis())
        {
            _vmis[Key(vmi.Namespace, vmi.Name)] = vmi;
        }

        foreach (var vmim in cluster.GetMigrations().Where(m => !m.IsFinal))
        {
            _unfinished[Key(vmim.Namespace, vmim.Name)] = vmim;
        }
    }

    /// <summary>A VMI by namespace and name, as last seen.</summary>
    public VmiSnapshot? Vmi(string @namespace, string name) => _vmis.GetValueOrDefault(Key(@namespace, name));

    /// <summary>Every VMI as last seen.</summary>
    public IEnumerable<VmiSnapshot> Vmis => _vmis.Values;

    /// <summary>Whether a VMIM became final since <see cref="TakeFinished"/> was last called.</summary>
    public bool HasFinished => _finished.Count > 0;

    /// <summary>The VMIMs that became final since the last call, in the order they did.</summary>
    public List<VmimSnapshot> TakeFinished()
    {
        var taken = new List<VmimSnapshot>(_finished);
        _finished.Clear();
        return taken;
    }

    public void OnNext(ClusterChange value)
    {
        switch (value)
        {
            case VmiChanged c:
                _vmis[Key(c.Vmi.Namespace, c.Vmi.Name)] = c.Vmi;
                break;
            case VmiDeleted c:
                _vmis.Remove(Key(c.Vmi.Namespace, c.Vmi.Name));
                break;
            case VmimChanged c:
                OnMigration(c.Migration);
                break;
            case VmimRemoved c:
                OnMigration(c.Migration);
                _unfinished.Remove(Key(c.Migration.Namespace, c.Migration.Name));
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription.Dispose();

    private static string Key(string @namespace, string name) => string.Concat(@namespace, "/", name);

    private void OnMigration(VmimSnapshot vmim)
    {
        var key = Key(vmim.Namespace, vmim.Name);
        if (!vmim.IsFinal)
        {
            _unfinished[key] = vmim;
            return;
        }

        if (_unfinished.Remove(key))
        {
            _finished.Add(vmim);
        }
    }
}
