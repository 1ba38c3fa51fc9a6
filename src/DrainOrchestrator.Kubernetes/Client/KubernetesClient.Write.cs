using System.Net.Http.Headers;
using System.Text;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>Writes: create, update, patch and delete.</summary>
public sealed partial class KubernetesClient
{
    /// <summary>Creates an object in the namespace of its metadata; a taken name fails with 409 AlreadyExists.</summary>
    public Task<T> CreateAsync<T>(T value, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        var path = T.Resource.GetCollectionPath(T.Resource.Namespaced ? value.Metadata.Namespace : null);
        return SendForObjectAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonBody(value) }, cancellationToken);
    }

    /// <summary>
    /// Replaces an object, conditional on its metadata.resourceVersion: if someone changed it since it was read, this
    /// fails with 409 Conflict (verdict: re-read and retry). Fields the object was read with are all sent back.
    /// </summary>
    public Task<T> UpdateAsync<T>(T value, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        if (string.IsNullOrEmpty(value.Metadata.ResourceVersion))
        {
            throw new ArgumentException("An update needs metadata.resourceVersion (read the object first).", nameof(value));
        }

        var path = T.Resource.GetObjectPath(value.Metadata.Namespace, value.Metadata.Name ?? "");
        return SendForObjectAsync<T>(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonBody(value) }, cancellationToken);
    }

    /// <summary>Patches an object with a patch document of the given type.</summary>
    public Task<T> PatchAsync<T>(string? @namespace, string name, PatchType type, string patch, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        ArgumentException.ThrowIfNullOrEmpty(patch);
        var mediaType = type switch
        {
            PatchType.Merge => "application/merge-patch+json",
            PatchType.StrategicMerge => "application/strategic-merge-patch+json",
            PatchType.Json => "application/json-patch+json",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        var content = new StringContent(patch, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var path = T.Resource.GetObjectPath(@namespace, name);
        return SendForObjectAsync<T>(new HttpRequestMessage(HttpMethod.Patch, path) { Content = content }, cancellationToken);
    }

    /// <summary>
    /// Deletes an object, optionally only if preconditions hold and with a propagation policy. A missing object fails
    /// with 404; callers that only want it gone check <see cref="Errors.KubernetesApiException.IsNotFound"/>.
    /// </summary>
    public async Task DeleteAsync<T>(string? @namespace, string name, DeleteOptions? options, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        var path = T.Resource.GetObjectPath(@namespace, name);
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        if (options is not null)
        {
            request.Content = JsonBody(options);
        }

        // The body is the deleted object or a Status: neither is needed.
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }
}
