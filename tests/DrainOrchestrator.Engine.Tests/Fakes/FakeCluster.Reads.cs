using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>Direct reads: the API server's own answer, which no cache lag affects.</summary>
internal sealed partial class FakeCluster
{
    private int _vmiReads;

    /// <summary>How many VMIs were read directly (<see cref="ReadVmiAsync"/>).</summary>
    public int VmiReads => Volatile.Read(ref _vmiReads);

    public Task<VirtualMachineInstance?> ReadVmiAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _vmiReads);
        lock (_gate)
        {
            var vmi = _vmis.FirstOrDefault(v => v.Metadata.Namespace == @namespace && v.Metadata.Name == name);
            return Task.FromResult(vmi is null ? null : Copy(vmi));
        }
    }

    /// <summary>Changes the VMI named <paramref name="name"/> in place, as a KubeVirt controller would.</summary>
    public void EditVmi(string name, Action<VirtualMachineInstance> edit)
    {
        lock (_gate)
        {
            edit(_vmis.Single(v => v.Metadata.Name == name));
        }

        _signal.Bump();
    }
}
