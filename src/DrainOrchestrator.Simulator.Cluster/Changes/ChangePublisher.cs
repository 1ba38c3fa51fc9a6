namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Delivers changes synchronously, in order, to every subscriber.</summary>
internal sealed class ChangePublisher
{
    // Copy-on-write: publishing iterates a snapshot, so (un)subscribing from any thread or callback is safe.
    private readonly Lock _subscriptions = new();
    private IObserver<ClusterChange>[] _observers = [];

    public IDisposable Subscribe(IObserver<ClusterChange> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_subscriptions)
        {
            _observers = [.. _observers, observer];
        }

        return new Subscription(this, observer);
    }

    public void Publish(ClusterChange change)
    {
        foreach (var observer in _observers)
        {
            observer.OnNext(change);
        }
    }

    private void Unsubscribe(IObserver<ClusterChange> observer)
    {
        lock (_subscriptions)
        {
            _observers = [.. _observers.Where(o => !ReferenceEquals(o, observer))];
        }
    }

    private sealed class Subscription(ChangePublisher owner, IObserver<ClusterChange> observer) : IDisposable
    {
        private ChangePublisher? _owner = owner;

        public void Dispose()
        {
            _owner?.Unsubscribe(observer);
            _owner = null;
        }
    }
}
