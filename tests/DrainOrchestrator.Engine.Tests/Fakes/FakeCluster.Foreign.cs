using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>
/// VMIMs nobody of ours created (KubeVirt's evacuations, kubectl), which run until the test finishes them; and the most
/// migrations ever unfinished at once, ours and foreign, as the cluster itself counts them.
/// </summary>
internal sealed partial class FakeCluster
{
    private readonly HashSet<string> _foreignRunning = new(StringComparer.Ordinal);

    /// <summary>The most VMIMs unfinished at once (Pending or Running), measured whenever one is created.</summary>
    public int MaxInFlight { get; private set; }

    /// <summary>Adds a Running VMIM of <paramref name="vmiName"/> without the drain label; it runs until <see cref="FinishForeign"/>.</summary>
    public FakeCluster AddForeignMigration(string name, string vmiName, Dictionary<string, string>? annotations = null)
    {
        lock (_gate)
        {
            _migrations.Add(new VirtualMachineInstanceMigration
            {
                Metadata = new ObjectMeta { Name = name, Namespace = "vms", Uid = "foreign-" + ++_uid, Annotations = annotations },
                Spec = new VirtualMachineInstanceMigrationSpec { VmiName = vmiName },
                Status = new VirtualMachineInstanceMigrationStatus { Phase = "Running" },
            });
            _foreignRunning.Add(name);
            CountInFlight();
        }

        _signal.Bump();
        return this;
    }

    /// <summary>The foreign VMIM succeeds (its VMI stays where it is: the test only needs its slot back).</summary>
    public void FinishForeign(string name)
    {
        lock (_gate)
        {
            _foreignRunning.Remove(name);
            _migrations.Single(m => m.Metadata.Name == name).Status!.Phase = "Succeeded";
        }

        _signal.Bump();
    }

    /// <summary>Changes the VMIM named <paramref name="name"/> in place.</summary>
    public void EditMigration(string name, Action<VirtualMachineInstanceMigration> edit)
    {
        lock (_gate)
        {
            edit(_migrations.Single(m => m.Metadata.Name == name));
        }

        _signal.Bump();
    }

    private bool IsForeignRunning(VirtualMachineInstanceMigration vmim) => _foreignRunning.Contains(vmim.Metadata.Name!);

    // Under _gate.
    private void CountInFlight() =>
        MaxInFlight = Math.Max(MaxInFlight, _migrations.Count(m => m.Status!.Phase is not ("Succeeded" or "Failed")));
}
