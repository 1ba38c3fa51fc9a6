using System.Collections.Immutable;
using System.Globalization;
using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Api.Store;

public sealed partial class ObjectStore
{
    private ImmutableArray<StoreWatch> _watches = [];

    /// <summary>
    /// Starts a watch. From a resourceVersion, replays the retained changes after it; without one, first sends every
    /// current matching object as Added. Then feeds live changes.
    /// </summary>
    /// <exception cref="ApiStatusException">410 Expired when the version is older than the retained window.</exception>
    public StoreWatch Watch(WatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = new StoreWatch(this, request, _options.MaxQueuedEventsPerWatch);
        lock (_lock)
        {
            if (request.FromResourceVersion is { } from and > 0)
            {
                if (!_log.Covers(from))
                {
                    throw new ApiStatusException(ApiErrors.Expired(string.Create(CultureInfo.InvariantCulture,
                        $"too old resource version: {from} ({_log.CompactedThrough + 1})")));
                }

                foreach (var change in _log.After(from))
                {
                    watch.Offer(change);
                }
            }
            else
            {
                foreach (var (_, item) in TableLocked(request.Type))
                {
                    if (watch.Selects(item))
                    {
                        watch.Write(new StoreEvent(WatchEventType.Added, item, null));
                    }
                }
            }

            _watches = _watches.Add(watch);
        }

        return watch;
    }

    internal long? BookmarkVersion(StoreWatch watch)
    {
        lock (_lock)
        {
            return watch.IsDrained ? _resourceVersion : null;
        }
    }

    internal void Unsubscribe(StoreWatch watch)
    {
        lock (_lock)
        {
            _watches = _watches.Remove(watch);
        }
    }
}
