using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// The engine's view of the simulated cluster, as production builds it (<see cref="InformerClusterView"/>): a
/// <see cref="ClusterCache"/> fed with the informers' changes. It also tells the pass clock when a pass ends (the migrate
/// loop waits for the next change once a pass is over).
/// </summary>
internal sealed class BenchView(PassClock passes) : IClusterView, IObjectSink
{
    private readonly ClusterCache _cache = new();

    public long Version => _cache.Version;

    public ClusterState Current => _cache.Current;

    public ClusterChanges? ChangesSince(long through) => _cache.ChangesSince(through);

    public Task WhenChangedAsync(long seenVersion, CancellationToken cancellationToken)
    {
        passes.Ended();
        return _cache.WhenChangedAsync(seenVersion, cancellationToken);
    }

    public Task<VirtualMachineInstance?> ReadVmiAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_cache.Current.FindVmi(@namespace, name));

    public void Replace<T>(IEnumerable<T> items)
        where T : KubernetesObject => _cache.Replace(items);

    public void Upsert<T>(T item)
        where T : KubernetesObject => _cache.Upsert(item);

    public void Remove<T>(string key)
        where T : KubernetesObject => _cache.Remove<T>(key);
}
