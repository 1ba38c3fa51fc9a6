using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>Reads: get and list.</summary>
public sealed partial class KubernetesClient
{
    /// <summary>Reads one object; a missing one fails with a 404 <see cref="Errors.KubernetesApiException"/>.</summary>
    public Task<T> GetAsync<T>(string? @namespace, string name, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        var path = T.Resource.GetObjectPath(@namespace, name);
        return SendForObjectAsync<T>(HttpMethod.Get, path, RequestSafety.Idempotent, null, cancellationToken);
    }

    /// <summary>
    /// Reads one page of a collection into memory; <paramref name="namespace"/> <see langword="null"/> lists all
    /// namespaces. For large collections prefer <see cref="StreamList{T}"/>, which holds one item at a time.
    /// </summary>
    public Task<KubernetesList<T>> ListAsync<T>(string? @namespace, ListOptions? options, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        var path = ListPath<T>(@namespace, options ?? new ListOptions());
        return SendForObjectAsync<KubernetesList<T>>(HttpMethod.Get, path, RequestSafety.Idempotent, null, cancellationToken);
    }

    private static string ListPath<T>(string? @namespace, ListOptions options)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        var query = new QueryString()
            .Add("labelSelector", options.LabelSelector)
            .Add("fieldSelector", options.FieldSelector)
            .Add("limit", options.Limit)
            .Add("continue", options.Continue)
            .Add("resourceVersion", options.ResourceVersion);
        return T.Resource.GetCollectionPath(@namespace) + query;
    }

    /// <summary>
    /// Reads every page of a collection, following continue tokens, and returns all items with the resource version of
    /// the first page (the version a following watch starts from).
    /// </summary>
    public async Task<KubernetesList<T>> ListAllAsync<T>(string? @namespace, ListOptions? options, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        options ??= new ListOptions { Limit = 500 };
        var first = await ListAsync<T>(@namespace, options, cancellationToken).ConfigureAwait(false);
        var next = first.Metadata.Continue;
        while (!string.IsNullOrEmpty(next))
        {
            var page = await ListAsync<T>(@namespace, options with { Continue = next, ResourceVersion = null }, cancellationToken)
                .ConfigureAwait(false);
            first.Items.AddRange(page.Items);
            next = page.Metadata.Continue;
        }

        first.Metadata.Continue = null;
        first.Metadata.RemainingItemCount = null;
        return first;
    }
}
