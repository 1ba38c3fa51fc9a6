using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>
/// An engine's view of a <see cref="FakeCluster"/> through a VMIM informer that has not yet seen some VMIMs (another
/// replica's view lags behind the one that created them): everything else, and the change signal, are the cluster's.
/// </summary>
internal sealed class HidingView(FakeCluster cluster, Func<VirtualMachineInstanceMigration, bool> hidden) : IClusterView
{
    public long Version => cluster.Version;

    public ClusterState Current
    {
        get
        {
            var state = cluster.Current;
            return state with { Migrations = [.. state.Migrations.Where(m => !hidden(m))] };
        }
    }

    public Task WhenChangedAsync(long seenVersion, CancellationToken cancellationToken) => cluster.WhenChangedAsync(seenVersion, cancellationToken);

    public Task<VirtualMachineInstance?> ReadVmiAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        cluster.ReadVmiAsync(@namespace, name, cancellationToken);
}
