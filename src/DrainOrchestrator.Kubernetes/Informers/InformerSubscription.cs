using System.Threading.Channels;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Informers;

/// <summary>
/// A subscriber's stream of <see cref="InformerChange{T}"/>s from <see cref="Informer{T}.Subscribe"/>. Unbounded, so the
/// informer never waits for a subscriber: keep reading. Completes when the informer stops (with its error, if it failed)
/// or when disposed.
/// </summary>
/// <typeparam name="T">The informed kind.</typeparam>
public sealed class InformerSubscription<T> : IDisposable
    where T : KubernetesObject
{
    private readonly Channel<InformerChange<T>> _channel =
        Channel.CreateUnbounded<InformerChange<T>>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
    private readonly Action<InformerSubscription<T>> _unsubscribe;

    internal InformerSubscription(Action<InformerSubscription<T>> unsubscribe) => _unsubscribe = unsubscribe;

    /// <summary>The changes, in the order the cache applied them.</summary>
    public ChannelReader<InformerChange<T>> Changes => _channel.Reader;

    /// <summary>Stops the subscription; the informer forgets it.</summary>
    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    internal void Publish(InformerChange<T> change) => _channel.Writer.TryWrite(change);

    internal void Complete(Exception? error) => _channel.Writer.TryComplete(error);
}
