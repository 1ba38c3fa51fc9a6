using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Client.Watching;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>Streamed lists (items decoded one by one as the response arrives) and list-then-watch.</summary>
public sealed partial class KubernetesClient
{
    /// <summary>
    /// Lists a collection as a stream of items decoded one at a time, following continue tokens when
    /// <see cref="ListOptions.Limit"/> is set. Opening each page is retried on back-off failures; a failure after items
    /// of a page were yielded is thrown (the caller lists again), so no item is ever yielded twice.
    /// </summary>
    public KubernetesListStream<T> StreamList<T>(string? @namespace, ListOptions? options)
        where T : KubernetesObject, IKubernetesResource<T>
        => new(this, @namespace, options ?? new ListOptions());

    /// <summary>
    /// Lists, then watches from the list's resource version, until cancelled: bookmarks are requested and move the resume
    /// point; a watch that ends or drops resumes from the last version seen; a 410 Gone leads to a fresh list, delivered as
    /// a <see cref="ListWatchEventType.Listed"/> event (with <see cref="ListWatchEvent{T}.IsRelist"/>) whose items replace
    /// everything the consumer held. Failures without progress are retried with exponential backoff and jitter, honouring
    /// Retry-After; a permanent error (verdict <see cref="Errors.RetryVerdict.Permanent"/>) ends the enumeration with it.
    /// Events are buffered (bounded): a slow consumer slows the watch, it loses nothing.
    /// </summary>
    public async IAsyncEnumerable<ListWatchEvent<T>> ListAndWatchAsync<T>(string? @namespace, ListWatchOptions? options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        var runner = new ListWatchRunner<T>(this, @namespace, options ?? new ListWatchOptions(), _logger);
        var channel = Channel.CreateBounded<ListWatchEvent<T>>(new BoundedChannelOptions(ListWatchConstants.EventBufferCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = runner.RunAsync(channel.Writer, stop.Token);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>Streams every page's items into the caller, recording the list metadata in <paramref name="metadata"/>.</summary>
    internal async IAsyncEnumerable<T> StreamItemsAsync<T>(string? @namespace, ListOptions options, ListMeta metadata, bool retry,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        var page = options;
        var first = true;
        var batch = new List<T>();
        while (true)
        {
            var path = ListPath<T>(@namespace, page);
            using var response = retry
                ? await SendWithRetryAsync(HttpMethod.Get, path, RequestSafety.Idempotent, null, cancellationToken).ConfigureAwait(false)
                : await SendOnceAsync(HttpMethod.Get, path, cancellationToken).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var decoder = new ListStreamDecoder<T>(stream, Info<T>());
            while (await decoder.ReadAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                if (first)
                {
                    metadata.ResourceVersion = decoder.Metadata.ResourceVersion;
                }

                foreach (var item in batch)
                {
                    yield return item;
                }

                batch.Clear();
            }

            if (first)
            {
                metadata.ResourceVersion = decoder.Metadata.ResourceVersion;
                first = false;
            }

            metadata.Continue = decoder.Metadata.Continue;
            metadata.RemainingItemCount = decoder.Metadata.RemainingItemCount;
            if (string.IsNullOrEmpty(metadata.Continue))
            {
                metadata.Continue = null;
                yield break;
            }

            page = options with { Continue = metadata.Continue, ResourceVersion = null };
        }
    }
}
