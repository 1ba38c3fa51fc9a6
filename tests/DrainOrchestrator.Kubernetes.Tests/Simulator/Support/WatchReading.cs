using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Client.Watching;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator.Support;

/// <summary>Reading a given number of events from watches and list-watches, then letting go of the stream.</summary>
internal static class WatchReading
{
    /// <summary>The next <paramref name="count"/> events that are not bookmarks; the watch is closed afterwards.</summary>
    public static async Task<List<WatchEvent<T>>> TakeChangesAsync<T>(this IAsyncEnumerable<WatchEvent<T>> watch, int count,
        CancellationToken cancellationToken)
        where T : KubernetesObject
    {
        var events = new List<WatchEvent<T>>();
        await foreach (var watchEvent in watch.WithCancellation(cancellationToken))
        {
            if (watchEvent.Type != WatchEventTypes.Bookmark)
            {
                events.Add(watchEvent);
            }

            if (events.Count == count)
            {
                break;
            }
        }

        return events;
    }

    /// <summary>"TYPE name" of each event, for compact assertions.</summary>
    public static List<string> Describe<T>(this IEnumerable<WatchEvent<T>> events)
        where T : KubernetesObject => [.. events.Select(e => $"{e.Type} {e.Object?.Metadata.Name}")];

    /// <summary>"Type name" of a list-watch change, for compact assertions.</summary>
    public static string Describe<T>(this ListWatchEvent<T> step)
        where T : KubernetesObject => $"{step.Type} {step.Object?.Metadata.Name}";

    /// <summary>A namespace of its own for one test, so its watch sees only that test's changes.</summary>
    public static async Task<string> CreateNamespaceAsync(this KubernetesClient client, string name, CancellationToken cancellationToken)
    {
        await client.CreateAsync(TestObjects.Namespace(name), cancellationToken);
        return name;
    }
}
