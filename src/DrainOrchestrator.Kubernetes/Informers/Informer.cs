using System.Collections.Immutable;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Client.Watching;
using DrainOrchestrator.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Kubernetes.Informers;

/// <summary>
/// A list+watch cache of one kind, kept current by <see cref="KubernetesClient.ListAndWatchAsync{T}"/>: reads are
/// lock-free immutable snapshots with indexes, <see cref="Synced"/> completes after the first list, and every change is
/// pushed to subscribers after the cache shows it, so a consumer reacts within milliseconds instead of polling.
/// </summary>
/// <typeparam name="T">The cached kind.</typeparam>
/// <example>
/// <code>
/// var vmis = new Informer&lt;VirtualMachineInstance&gt;(client, new InformerOptions(), InformerIndexes.VirtualMachineInstancesByNode);
/// using var changes = vmis.Subscribe();
/// var run = vmis.RunAsync(stopping);
/// await vmis.Synced.WaitAsync(stopping);
/// var onNode = vmis.Snapshot.GetByIndex(InformerIndexes.ByNode, "worker-1");
/// await foreach (var change in changes.Changes.ReadAllAsync(stopping)) { /* decide again */ }
/// </code>
/// </example>
public sealed partial class Informer<T>
    where T : KubernetesObject, IKubernetesResource<T>
{
    private readonly KubernetesClient _client;
    private readonly InformerOptions _options;
    private readonly ILogger _logger;
    private readonly ListWatchHealth _health = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _subscribersGate = new();
    private ImmutableList<InformerSubscription<T>> _subscribers = ImmutableList<InformerSubscription<T>>.Empty;
    private InformerSnapshot<T> _snapshot;
    private int _started;
    private bool _stopped;
    private Exception? _failure;

    /// <summary>Creates an informer; nothing happens until <see cref="RunAsync"/>.</summary>
    public Informer(KubernetesClient client, InformerOptions? options = null, params IEnumerable<InformerIndex<T>> indexes)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(indexes);
        _client = client;
        _options = options ?? new InformerOptions();
        var definitions = indexes.ToList();
        var duplicate = definitions.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two indexes are named '{duplicate.Key}'.", nameof(indexes));
        }

        _snapshot = InformerSnapshot<T>.Empty(definitions);
        _logger = client.LoggerFactory.CreateLogger<Informer<T>>();
    }

    /// <summary>
    /// Completes when the first list is in the cache; faults if the informer fails first, is cancelled if it is stopped
    /// first.
    /// </summary>
    public Task Synced => _synced.Task;

    /// <summary>Whether the first list is in the cache.</summary>
    public bool HasSynced => _synced.Task.IsCompletedSuccessfully;

    /// <summary>
    /// How the list-then-watch behind the cache stands: last known in sync, failing since when and why. After the first
    /// list a refused or failing list or watch never stops the informer; it is retried, and shows here meanwhile.
    /// </summary>
    public ListWatchStatus Health => _health.Status;

    /// <summary>The current view of the cache; take it once per decision to read a consistent state.</summary>
    public InformerSnapshot<T> Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>
    /// Subscribes to changes from now on. Read the <see cref="Snapshot"/> after subscribing, then apply changes: nothing
    /// falls between the two (a change may be seen in both, so handle changes idempotently).
    /// </summary>
    public InformerSubscription<T> Subscribe()
    {
        var subscription = new InformerSubscription<T>(Unsubscribe);
        lock (_subscribersGate)
        {
            if (_stopped)
            {
                subscription.Complete(_failure);
                return subscription;
            }

            _subscribers = _subscribers.Add(subscription);
        }

        return subscription;
    }

    /// <summary>
    /// Lists, then watches and applies changes until <paramref name="cancellationToken"/> is cancelled, after which it
    /// returns normally and subscriptions complete. Fails (and so do <see cref="Synced"/> and the subscriptions) only on a
    /// permanent API error before the first list, such as missing RBAC or a CRD that is not installed; later ones are
    /// retried and reported in <see cref="Health"/>. Runs once per instance.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("This informer has already been started.");
        }

        var listWatch = _options.ListWatch with
        {
            LabelSelector = _options.LabelSelector,
            FieldSelector = _options.FieldSelector,
            Health = _health,
        };
        try
        {
            await foreach (var step in _client.ListAndWatchAsync<T>(_options.Namespace, listWatch, cancellationToken).ConfigureAwait(false))
            {
                Apply(step);
            }

            Stop(null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Stop(null);
        }
        catch (Exception ex)
        {
            Stop(ex);
            throw;
        }
    }

    private void Stop(Exception? failure)
    {
        ImmutableList<InformerSubscription<T>> subscribers;
        lock (_subscribersGate)
        {
            _stopped = true;
            _failure = failure;
            subscribers = _subscribers;
            _subscribers = ImmutableList<InformerSubscription<T>>.Empty;
        }

        if (failure is null)
        {
            _synced.TrySetCanceled();
        }
        else
        {
            _synced.TrySetException(failure);
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.Complete(failure);
        }
    }

    private void Unsubscribe(InformerSubscription<T> subscription)
    {
        lock (_subscribersGate)
        {
            _subscribers = _subscribers.Remove(subscription);
        }
    }
}
