using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>
/// VirtualMachines and what KubeVirt's VM controller does when their VMI is deleted: under runStrategy Always a new VMI
/// (same namespace and name, new uid) is Scheduled on a schedulable node at the next <see cref="Step"/> and Running at
/// the one after; under any other run strategy nothing starts.
/// </summary>
internal sealed partial class FakeCluster
{
    private readonly List<VirtualMachine> _vms = [];
    private readonly List<string> _toStart = [];

    /// <summary>Every VMI deleted, by name and uid, in order.</summary>
    public List<(string Name, string Uid)> DeletedVmis { get; } = [];

    /// <summary>Throws (a simulated crash) at the next VMI delete, before it reaches the cluster.</summary>
    public bool CrashOnVmiDelete { get; set; }

    /// <summary>Runs after a VMI was deleted, before the engine hears back from the call.</summary>
    public Func<string, Task>? AfterVmiDelete { get; set; }

    /// <summary>False: the VM controller starts nothing again (a VM that never comes back).</summary>
    public bool StartsDeletedVmis { get; set; } = true;

    /// <summary>Where started VMIs land whatever the cordons (a placement gone wrong); null: the first schedulable node.</summary>
    public string? StartOn { get; set; }

    /// <summary>Adds a VM (with <paramref name="runStrategy"/>) and its running VMI, by default not live-migratable.</summary>
    public FakeCluster AddVm(string name, string node, string runStrategy = "Always", bool migratable = false)
    {
        AddVmi(name, node, migratable);
        lock (_gate)
        {
            _vms.Add(new VirtualMachine
            {
                Metadata = new ObjectMeta { Name = name, Namespace = "vms", Uid = "vm-" + name },
                Spec = new VirtualMachineSpec { RunStrategy = runStrategy },
            });
            _vmis.Single(v => v.Metadata.Name == name).Metadata.OwnerReferences = [Owner(name)];
        }

        return this;
    }

    public void SetRunStrategy(string name, string runStrategy)
    {
        lock (_gate)
        {
            _vms.Single(v => v.Metadata.Name == name).Spec!.RunStrategy = runStrategy;
        }

        _signal.Bump();
    }

    /// <summary>The VMI named <paramref name="name"/> now, whatever its uid, or null.</summary>
    public VirtualMachineInstance? VmiNamed(string name) => Current.Vmis.SingleOrDefault(v => v.Metadata.Name == name);

    public async Task<bool> DeleteVmiAsync(string @namespace, string name, string uid, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (CrashOnVmiDelete)
            {
                CrashOnVmiDelete = false;
                throw new SimulatedCrashException();
            }

            var vmi = _vmis.FirstOrDefault(v => v.Metadata.Namespace == @namespace && v.Metadata.Name == name);
            if (vmi is null || vmi.Metadata.Uid != uid)
            {
                // 404, or 409 on the uid precondition: that VMI is gone.
                return false;
            }

            _vmis.Remove(vmi);
            DeletedVmis.Add((name, uid));
            if (StartsDeletedVmis && _vms.Any(v => v.Metadata.Name == name && v.Spec?.RunStrategy == "Always"))
            {
                _toStart.Add(name);
            }
        }

        _signal.Bump();
        if (AfterVmiDelete is not null)
        {
            await AfterVmiDelete(name);
        }

        return true;
    }

    // Under _gate, at each step: what was Scheduled runs, then what was deleted under Always is Scheduled anew.
    private void StepRestarts()
    {
        foreach (var vmi in _vmis.Where(v => v.Status?.Phase == "Scheduled"))
        {
            vmi.Status!.Phase = "Running";
        }

        foreach (var name in _toStart)
        {
            var node = StartOn ?? _nodes.First(n => n.Spec?.Unschedulable != true).Metadata.Name!;
            _vmis.Add(new VirtualMachineInstance
            {
                Metadata = new ObjectMeta { Name = name, Namespace = "vms", Uid = $"uid-{name}-{++_uid}", Labels = [], OwnerReferences = [Owner(name)] },
                Spec = new VirtualMachineInstanceSpec
                {
                    EvictionStrategy = "LiveMigrate",
                    Domain = new DomainSpec { Resources = new DomainResources { Requests = new() { ["memory"] = Quantity.FromBytes(1L << 30) } } },
                },
                Status = new VirtualMachineInstanceStatus
                {
                    NodeName = node,
                    Phase = "Scheduled",
                    Conditions = [new Condition { Type = "LiveMigratable", Status = "False", Reason = "DisksNotLiveMigratable" }],
                },
            });
        }

        _toStart.Clear();
    }

    private static OwnerReference Owner(string name) =>
        new() { ApiVersion = "kubevirt.io/v1", Kind = "VirtualMachine", Name = name, Uid = "vm-" + name, Controller = true };
}
