using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Client.Watching;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>
/// The engine's view of a <see cref="FakeCluster"/> whose VMIM informer can be made to fail (a revoked watch): after
/// <see cref="Fail"/> its health reports the failure since then and the state stays as it was; <see cref="Recover"/>
/// shows the cluster again.
/// </summary>
internal sealed class StaleView(FakeCluster cluster) : IClusterView
{
    private readonly ChangeSignal _signal = new();
    private volatile ClusterState? _frozen;
    private volatile ListWatchStatus _status = ListWatchStatus.NotStarted with { InSync = true };

    public long Version => _frozen is null ? cluster.Version + _signal.Version : _signal.Version;

    public ClusterState Current => _frozen ?? cluster.Current;

    public ClusterViewHealth Health => new([("virtualmachineinstancemigrations", _status)]);

    /// <summary>From now on the view stays as it is and reports a 403 since <paramref name="since"/>.</summary>
    public void Fail(DateTimeOffset since)
    {
        _frozen = cluster.Current;
        _status = new ListWatchStatus(false, since, since, null, since, "virtualmachineinstancemigrations is forbidden",
            System.Net.HttpStatusCode.Forbidden, 1);
        _signal.Bump();
    }

    /// <summary>The informer listed again: the view is the cluster's.</summary>
    public void Recover()
    {
        _frozen = null;
        _status = _status with { InSync = true, FailingSince = null };
        _signal.Bump();
    }

    public async Task WhenChangedAsync(long seenVersion, CancellationToken cancellationToken)
    {
        var start = Version;
        if (start > seenVersion)
        {
            return;
        }

        // Either the cluster (while followed) or this view's own signal wakes the waiter.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(cluster.WhenChangedAsync(cluster.Version, linked.Token), _signal.WhenChangedAsync(_signal.Version, linked.Token));
        await linked.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public Task<VirtualMachineInstance?> ReadVmiAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        cluster.ReadVmiAsync(@namespace, name, cancellationToken);
}
