using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// The cluster as the informers last showed it, kept in immutable maps: <see cref="Current"/> is a consistent state in
/// constant time (no copy per read), indexed by key and VMI uid, and every change is logged by key, so a consumer
/// catches up with <see cref="ChangesSince"/> in time proportional to what changed. Thread-safe: writers are the
/// informers' change loops, readers the engine's passes.
/// </summary>
public sealed partial class ClusterCache
{
    private readonly Lock _gate = new();
    private readonly ChangeSignal _signal = new();
    private readonly ClusterChangeLog _log;
    private Maps _maps = Maps.Empty;

    /// <summary>Creates an empty cache whose change log keeps at most <paramref name="logCapacity"/> changes.</summary>
    public ClusterCache(int logCapacity = 200_000) => _log = new ClusterChangeLog(logCapacity);

    /// <summary>Grows whenever the cache changes.</summary>
    public long Version => _signal.Version;

    /// <summary>The cache now, as a state whose lists are copied out only when read.</summary>
    public ClusterState Current
    {
        get
        {
            var maps = Volatile.Read(ref _maps);
            return new ClusterState(new ReadOnlyValues<Node>(maps.Nodes), new ReadOnlyValues<VirtualMachineInstance>(maps.Vmis),
                new ReadOnlyValues<VirtualMachineInstanceMigration>(maps.Migrations), new ReadOnlyValues<MigrationPolicy>(maps.Policies),
                new ReadOnlyValues<Namespace>(maps.Namespaces), maps.KubeVirt.Values.FirstOrDefault())
            {
                VirtualMachines = new ReadOnlyValues<VirtualMachine>(maps.VirtualMachines),
                DisruptionBudgets = new ReadOnlyValues<PodDisruptionBudget>(maps.DisruptionBudgets),
                Index = new CacheIndex(maps),
            };
        }
    }

    /// <summary>Completes once <see cref="Version"/> is above <paramref name="seenVersion"/>.</summary>
    public Task WhenChangedAsync(long seenVersion, CancellationToken cancellationToken) =>
        _signal.WhenChangedAsync(seenVersion, cancellationToken);

    /// <summary>
    /// What changed after the log position <paramref name="through"/> (a previous answer's <see cref="ClusterChanges.Through"/>;
    /// negative for none yet). Read it before <see cref="Current"/>: every change it names is in the state read after.
    /// </summary>
    public ClusterChanges ChangesSince(long through)
    {
        lock (_gate)
        {
            return _log.Since(through);
        }
    }

    /// <summary>Adds or replaces <paramref name="item"/>.</summary>
    public void Upsert<T>(T item)
        where T : KubernetesObject
    {
        ArgumentNullException.ThrowIfNull(item);
        Write(KindOf<T>(), InformerKeys.Of(item), item);
    }

    /// <summary>Removes the object with this informer key; a missing one is fine.</summary>
    public void Remove<T>(string key)
        where T : KubernetesObject => Write(KindOf<T>(), key, null);

    /// <summary>Replaces every object of the kind (an informer's list); consumers then look at everything again.</summary>
    public void Replace<T>(IEnumerable<T> items)
        where T : KubernetesObject
    {
        ArgumentNullException.ThrowIfNull(items);
        var kind = KindOf<T>();
        lock (_gate)
        {
            var maps = _maps.Cleared(kind);
            foreach (var item in items)
            {
                maps = maps.With(kind, InformerKeys.Of(item), item);
            }

            Volatile.Write(ref _maps, maps);
            _log.AppendAll();
        }

        _signal.Bump();
    }

    /// <summary>Applies one informer change.</summary>
    public void Apply<T>(InformerChange<T> change)
        where T : KubernetesObject
    {
        ArgumentNullException.ThrowIfNull(change);
        switch (change.Type)
        {
            case InformerChangeType.Added or InformerChangeType.Modified when change.Object is not null:
                Upsert(change.Object);
                break;
            case InformerChangeType.Deleted:
                Remove<T>(change.Key);
                break;
            default:
                // Relisted: the differences came before it as changes.
                break;
        }
    }

    private void Write(ClusterKind kind, string key, KubernetesObject? item)
    {
        lock (_gate)
        {
            Volatile.Write(ref _maps, _maps.With(kind, key, item));
            _log.Append(kind, key);
        }

        _signal.Bump();
    }

    private static ClusterKind KindOf<T>() => typeof(T) switch
    {
        var t when t == typeof(Node) => ClusterKind.Node,
        var t when t == typeof(VirtualMachineInstance) => ClusterKind.Vmi,
        var t when t == typeof(VirtualMachineInstanceMigration) => ClusterKind.Migration,
        var t when t == typeof(MigrationPolicy) => ClusterKind.Policy,
        var t when t == typeof(Namespace) => ClusterKind.Namespace,
        var t when t == typeof(KubeVirt) => ClusterKind.KubeVirt,
        var t when t == typeof(VirtualMachine) => ClusterKind.VirtualMachine,
        var t when t == typeof(PodDisruptionBudget) => ClusterKind.PodDisruptionBudget,
        var t => throw new ArgumentException($"The cluster cache holds no {t.Name}: only the kinds of ClusterKind.", nameof(T)),
    };
}
