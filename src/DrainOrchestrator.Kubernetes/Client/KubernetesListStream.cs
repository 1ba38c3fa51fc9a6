using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>
/// A list call whose items are decoded one at a time as the response arrives, following continue tokens when
/// <see cref="ListOptions.Limit"/> pages it: memory follows one item, not the collection. Each enumeration makes the
/// call anew. Obtain it from <see cref="KubernetesClient.StreamList{T}"/>.
/// </summary>
/// <typeparam name="T">The listed kind.</typeparam>
public sealed class KubernetesListStream<T> : IAsyncEnumerable<T>
    where T : KubernetesObject, IKubernetesResource<T>
{
    private readonly KubernetesClient _client;
    private readonly string? _namespace;
    private readonly ListOptions _options;

    internal KubernetesListStream(KubernetesClient client, string? @namespace, ListOptions options)
    {
        _client = client;
        _namespace = @namespace;
        _options = options;
    }

    /// <summary>
    /// The list metadata: the resource version of the first page (where a following watch starts) as soon as it has been
    /// read, which the API server does before the first item; after the enumeration, no continue token.
    /// </summary>
    public ListMeta Metadata { get; } = new();

    /// <summary>How many items the enumeration has yielded so far.</summary>
    public int Count { get; private set; }

    /// <inheritdoc />
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        => EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<T> EnumerateAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Count = 0;
        await foreach (var item in _client.StreamItemsAsync<T>(_namespace, _options, Metadata, retry: true, cancellationToken).ConfigureAwait(false))
        {
            Count++;
            yield return item;
        }
    }
}
