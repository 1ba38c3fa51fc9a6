using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>
/// The engine's view of a <see cref="FakeCluster"/> through a VMI informer that fell behind (a dropped watch): after
/// <see cref="Freeze"/> it shows the VMIs as they were then, until <see cref="CatchUp"/>. Every other kind, and the
/// direct reads, are the cluster's own. Its change signal moves only on <see cref="CatchUp"/>.
/// </summary>
internal sealed class LaggingView(FakeCluster cluster) : IClusterView
{
    private readonly ChangeSignal _signal = new();
    private volatile IReadOnlyList<VirtualMachineInstance>? _frozen;

    public long Version => _signal.Version;

    public ClusterState Current => _frozen is { } frozen ? cluster.Current with { Vmis = frozen } : cluster.Current;

    /// <summary>From now on the VMIs stay as they are now.</summary>
    public void Freeze() => _frozen = cluster.Current.Vmis;

    /// <summary>The informer relisted: the VMIs are the cluster's again.</summary>
    public void CatchUp()
    {
        _frozen = null;
        _signal.Bump();
    }

    public Task WhenChangedAsync(long seenVersion, CancellationToken cancellationToken) =>
        _signal.WhenChangedAsync(seenVersion, cancellationToken);

    public Task<VirtualMachineInstance?> ReadVmiAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        cluster.ReadVmiAsync(@namespace, name, cancellationToken);
}
