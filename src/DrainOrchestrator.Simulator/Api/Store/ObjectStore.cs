using System.Collections.Immutable;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>
/// The in-memory object store behind the API server: JSON objects per resource type, a single resourceVersion counter
/// bumped by every commit, a retained event log for watches, admission hooks and observers. Writes are serialised by
/// one lock; reads take an immutable snapshot of a type's table and never block writers for long.
/// </summary>
public sealed partial class ObjectStore : IObjectStoreReader
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ImmutableSortedDictionary<string, StoredObject>> _tables = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly StoreOptions _options;
    private readonly EventLog _log;
    private readonly DeterministicIds _identities;
    private ImmutableArray<IStoreWriteHook> _hooks = [];
    private ImmutableArray<IStoreObserver> _observers = [];
    private long _resourceVersion;

    /// <summary>Creates an empty store.</summary>
    public ObjectStore(ResourceRegistry registry, TimeProvider time, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        Registry = registry;
        _time = time;
        _options = options;
        _log = new EventLog(options.EventRetention);
        _identities = new DeterministicIds(options.Seed);
        foreach (var type in registry.Types)
        {
            _tables[type.GroupResource] = ImmutableSortedDictionary.Create<string, StoredObject>(StringComparer.Ordinal);
        }
    }

    /// <summary>The clock of the store's timestamps; seeders and controllers use it too.</summary>
    public TimeProvider Time => _time;

    /// <summary>The resource types the store holds.</summary>
    public ResourceRegistry Registry { get; }

    /// <inheritdoc />
    public long CurrentResourceVersion
    {
        get
        {
            lock (_lock)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Adds an admission hook, consulted on every later write.</summary>
    public void AddWriteHook(IStoreWriteHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (_lock)
        {
            _hooks = _hooks.Add(hook);
        }
    }

    /// <summary>Adds an observer, told of every later commit.</summary>
    public void AddObserver(IStoreObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_lock)
        {
            _observers = _observers.Add(observer);
        }
    }

    /// <inheritdoc />
    public StoredObject? Get(ResourceType type, string? @namespace, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Table(type).GetValueOrDefault(ObjectKey.Of(type.Namespaced ? @namespace : "", name));
    }

    /// <summary>Drops the retained event log, so watches from any earlier version get 410 (as after a compaction).</summary>
    public void Compact()
    {
        lock (_lock)
        {
            _log.Compact(_resourceVersion);
        }
    }

    private ImmutableSortedDictionary<string, StoredObject> Table(ResourceType type)
    {
        lock (_lock)
        {
            return TableLocked(type);
        }
    }

    private ImmutableSortedDictionary<string, StoredObject> TableLocked(ResourceType type) =>
        _tables.TryGetValue(type.GroupResource, out var table)
            ? table
            : throw new ArgumentException($"resource {type.GroupResource} is not registered", nameof(type));
}
