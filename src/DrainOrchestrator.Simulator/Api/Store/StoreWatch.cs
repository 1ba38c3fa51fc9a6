using System.Threading.Channels;
using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>
/// A live feed of the changes matching a <see cref="WatchRequest"/>, in commit order. An object entering the selection
/// arrives as Added and one leaving it as Deleted, as Kubernetes does. Dispose it to stop the feed.
/// </summary>
public sealed class StoreWatch : IDisposable
{
    private readonly Channel<StoreEvent> _channel = Channel.CreateUnbounded<StoreEvent>();
    private readonly ObjectStore _store;
    private readonly WatchRequest _request;
    private readonly int _maxQueued;

    internal StoreWatch(ObjectStore store, WatchRequest request, int maxQueued)
    {
        _store = store;
        _request = request;
        _maxQueued = maxQueued;
    }

    /// <summary>The changes, oldest first. Completes with an <see cref="ApiStatusException"/> if the reader lags too far.</summary>
    public ChannelReader<StoreEvent> Events => _channel.Reader;

    /// <summary>
    /// The store's current version if every change up to it has been read from <see cref="Events"/>, for a BOOKMARK;
    /// null while changes are still queued.
    /// </summary>
    public long? BookmarkVersion() => _store.BookmarkVersion(this);

    /// <summary>Stops the feed.</summary>
    public void Dispose()
    {
        _store.Unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    internal bool IsDrained => _channel.Reader.Count == 0;

    internal void Offer(StoreEvent change)
    {
        if (!ReferenceEquals(change.Object.Type, _request.Type) && change.Object.Type.GroupResource != _request.Type.GroupResource)
        {
            return;
        }

        var now = change.Type != WatchEventType.Deleted && Selects(change.Object);
        var before = change.Previous is not null && Selects(change.Previous);
        var type = (before, now) switch
        {
            (true, true) => WatchEventType.Modified,
            (false, true) => WatchEventType.Added,
            (true, false) => WatchEventType.Deleted,
            _ => (WatchEventType?)null,
        };
        if (type is { } visible)
        {
            Write(change with { Type = visible });
        }
    }

    internal void Write(StoreEvent change)
    {
        if (_channel.Reader.Count >= _maxQueued)
        {
            _channel.Writer.TryComplete(new ApiStatusException(ApiErrors.Expired("watch closed: the client is too slow to read events")));
            return;
        }

        _channel.Writer.TryWrite(change);
    }

    internal bool Selects(StoredObject obj) =>
        (string.IsNullOrEmpty(_request.Namespace) || obj.Namespace == _request.Namespace)
        && _request.Labels.Matches(obj.Labels)
        && _request.Fields.Matches(obj.Fields);
}
