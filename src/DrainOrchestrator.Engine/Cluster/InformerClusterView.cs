using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// An <see cref="IClusterView"/> over one informer per kind (nodes, VMIs, VMIMs, MigrationPolicies, namespaces, the
/// KubeVirt CR, VirtualMachines, PodDisruptionBudgets), feeding one <see cref="ClusterCache"/>: every change any informer applies reaches the
/// cache, bumps the version (waiters wake within milliseconds) and is logged by key for <see cref="ChangesSince"/>.
/// After the start an informer never ends on its own: a refused or failing list or watch is retried, and shows in
/// <see cref="Health"/> meanwhile.
/// </summary>
public sealed class InformerClusterView : IClusterView, IAsyncDisposable
{
    private readonly ClusterCache _cache = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Informer<Node> _nodes;
    private readonly Informer<VirtualMachineInstance> _vmis;
    private readonly Informer<VirtualMachineInstanceMigration> _migrations;
    private readonly Informer<MigrationPolicy> _policies;
    private readonly Informer<Namespace> _namespaces;
    private readonly Informer<KubeVirt> _kubeVirt;
    private readonly Informer<VirtualMachine> _vms;
    private readonly Informer<PodDisruptionBudget> _pdbs;
    private readonly List<Task> _running = [];
    private readonly KubernetesClient _client;

    private InformerClusterView(KubernetesClient client)
    {
        _client = client;
        _nodes = new Informer<Node>(client);
        _vmis = new Informer<VirtualMachineInstance>(client);
        _migrations = new Informer<VirtualMachineInstanceMigration>(client);
        _policies = new Informer<MigrationPolicy>(client);
        _namespaces = new Informer<Namespace>(client);
        _kubeVirt = new Informer<KubeVirt>(client);
        _vms = new Informer<VirtualMachine>(client);
        _pdbs = new Informer<PodDisruptionBudget>(client);
    }

    /// <inheritdoc />
    public long Version => _cache.Version;

    /// <inheritdoc />
    public ClusterState Current => _cache.Current;

    /// <inheritdoc />
    public ClusterViewHealth Health => new(
    [
        (Node.Resource.Plural, _nodes.Health),
        (VirtualMachineInstance.Resource.Plural, _vmis.Health),
        (VirtualMachineInstanceMigration.Resource.Plural, _migrations.Health),
        (MigrationPolicy.Resource.Plural, _policies.Health),
        (Namespace.Resource.Plural, _namespaces.Health),
        (KubeVirt.Resource.Plural, _kubeVirt.Health),
        (VirtualMachine.Resource.Plural, _vms.Health),
        (PodDisruptionBudget.Resource.Plural, _pdbs.Health),
    ]);

    /// <inheritdoc />
    public ClusterChanges? ChangesSince(long through) => _cache.ChangesSince(through);

    /// <summary>Starts every informer and returns once each has listed into the cache (fails when one cannot).</summary>
    public static Task<InformerClusterView> StartAsync(KubernetesClient client, CancellationToken cancellationToken) =>
        StartAsync(client, Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(KubernetesClient, CancellationToken)"/>, but when not every informer has listed within
    /// <paramref name="within"/> on <paramref name="wallClock"/> (an API server that refuses connections or never
    /// answers: the informers retry such errors for ever), throws a <see cref="TimeoutException"/> naming each
    /// informer still waiting and its last error.
    /// </summary>
    public static async Task<InformerClusterView> StartAsync(KubernetesClient client, TimeSpan within, TimeProvider wallClock,
        CancellationToken cancellationToken)
    {
        var view = new InformerClusterView(client);
        try
        {
            await Task.WhenAll(view.Run(view._nodes), view.Run(view._vmis), view.Run(view._migrations), view.Run(view._policies),
                view.Run(view._namespaces), view.Run(view._kubeVirt), view.Run(view._vms), view.Run(view._pdbs))
                .WaitAsync(within, wallClock, cancellationToken);
            return view;
        }
        catch (TimeoutException)
        {
            var waiting = view.Health.Informers.Where(i => i.Status.LastListedAt is null).ToList();
            var errors = waiting.Select(i => i.Status.LastError).Where(e => e is not null).Distinct(StringComparer.Ordinal).ToList();
            await view.DisposeAsync();
            throw new TimeoutException($"no complete list of {string.Join(", ", waiting.Select(i => i.Resource))} within {within.TotalSeconds:0.#} s" +
                (errors.Count > 0 ? ": " + string.Join("; ", errors) : ": the API server did not answer"));
        }
        catch
        {
            await view.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public Task WhenChangedAsync(long seenVersion, CancellationToken cancellationToken) =>
        _cache.WhenChangedAsync(seenVersion, cancellationToken);

    /// <inheritdoc />
    public async Task<VirtualMachineInstance?> ReadVmiAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetAsync<VirtualMachineInstance>(@namespace, name, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    // The cache takes the informer's first list, then every change after it: subscribed before the list, so nothing
    // falls between; a change that the list already showed is applied again, which leaves the same object. Returns
    // once the list is in the cache.
    private Task Run<T>(Informer<T> informer)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        var subscription = informer.Subscribe();
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running.Add(informer.RunAsync(_stopping.Token));
        _running.Add(Task.Run(async () =>
        {
            using (subscription)
            {
                try
                {
                    await informer.Synced.WaitAsync(_stopping.Token);
                    _cache.Replace(informer.Snapshot.Items);
                    loaded.TrySetResult();
                }
                catch (Exception ex)
                {
                    loaded.TrySetException(ex);
                    throw;
                }

                await foreach (var change in subscription.Changes.ReadAllAsync(_stopping.Token))
                {
                    _cache.Apply(change);
                }
            }
        }));
        return loaded.Task;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception)
        {
            // An informer that failed already failed its Synced task, which the caller saw.
        }

        _stopping.Dispose();
    }
}
