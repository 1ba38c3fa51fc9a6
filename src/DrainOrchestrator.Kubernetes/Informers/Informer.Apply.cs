using DrainOrchestrator.Kubernetes.Client.Watching;
using DrainOrchestrator.Kubernetes.Logging;

namespace DrainOrchestrator.Kubernetes.Informers;

/// <summary>Applying list-watch steps to the cache, then telling subscribers.</summary>
public sealed partial class Informer<T>
{
    private void Apply(ListWatchEvent<T> step)
    {
        var before = Snapshot;
        switch (step.Type)
        {
            case ListWatchEventType.Listed:
                var after = before.Replace(step.Items, step.ResourceVersion);
                Volatile.Write(ref _snapshot, after);
                if (step.IsRelist && HasSynced)
                {
                    PublishDifferences(before, after);
                }

                if (_synced.TrySetResult())
                {
                    KubernetesLog.InformerSynced(_logger, T.Resource.Plural, after.Count);
                }

                break;

            case ListWatchEventType.Deleted:
                var deletedKey = InformerKeys.Of(step.Object!);
                var last = before.Get(deletedKey);
                Volatile.Write(ref _snapshot, before.Remove(deletedKey, step.ResourceVersion));
                Publish(new InformerChange<T>(InformerChangeType.Deleted, deletedKey, step.Object, last, step.ResourceVersion));
                break;

            default:
                var key = InformerKeys.Of(step.Object!);
                var old = before.Get(key);
                Volatile.Write(ref _snapshot, before.Upsert(key, step.Object!, step.ResourceVersion));
                var type = old is null ? InformerChangeType.Added : InformerChangeType.Modified;
                Publish(new InformerChange<T>(type, key, step.Object, old, step.ResourceVersion));
                break;
        }
    }

    // After a relist, tell subscribers what the gap hid: objects that came, changed or went while no watch was running.
    private void PublishDifferences(InformerSnapshot<T> before, InformerSnapshot<T> after)
    {
        var version = after.ResourceVersion;
        foreach (var item in after.Items)
        {
            var key = InformerKeys.Of(item);
            var old = before.Get(key);
            if (old is null)
            {
                Publish(new InformerChange<T>(InformerChangeType.Added, key, item, null, version));
            }
            else if (old.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
            {
                Publish(new InformerChange<T>(InformerChangeType.Modified, key, item, old, version));
            }
        }

        foreach (var old in before.Items)
        {
            var key = InformerKeys.Of(old);
            if (after.Get(key) is null)
            {
                Publish(new InformerChange<T>(InformerChangeType.Deleted, key, old, old, version));
            }
        }

        Publish(new InformerChange<T>(InformerChangeType.Relisted, "", null, null, version));
    }

    private void Publish(InformerChange<T> change)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Publish(change);
        }
    }
}
