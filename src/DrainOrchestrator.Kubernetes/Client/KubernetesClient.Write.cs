using System.Net.Http.Headers;
using System.Text;
using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>Writes: create, update, patch and delete.</summary>
public sealed partial class KubernetesClient
{
    /// <summary>
    /// Creates an object in the namespace of its metadata; a taken name fails with 409 AlreadyExists. A create is not
    /// idempotent, so it is retried only when the failure proves the server did not act on it (the request was never
    /// sent, or admission control refused it with 429); after a timeout or a 5xx the caller learns the outcome is
    /// unknown (verdict <see cref="Errors.RetryVerdict.BackOff"/>) and decides. For objects with deterministic names,
    /// <see cref="CreateOrAdoptAsync{T}"/> is the safe way to retry.
    /// </summary>
    public Task<T> CreateAsync<T>(T value, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        var path = T.Resource.GetCollectionPath(T.Resource.Namespaced ? value.Metadata.Namespace : null);
        return SendForObjectAsync<T>(HttpMethod.Post, path, RequestSafety.NonIdempotent, JsonBody(value), cancellationToken);
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

        // Conditional on the resourceVersion, so a repeat after an unknown outcome cannot apply twice: it gets a 409.
        var path = T.Resource.GetObjectPath(value.Metadata.Namespace, value.Metadata.Name ?? "");
        return SendForObjectAsync<T>(HttpMethod.Put, path, RequestSafety.Idempotent, JsonBody(value), cancellationToken);
    }

    /// <summary>
    /// Patches an object with a patch document of the given type. Merge and strategic merge patches state a result and
    /// are retried on back-off failures; a JSON patch may append or move, so it is retried only when provably not applied.
    /// </summary>
    public Task<T> PatchAsync<T>(string? @namespace, string name, PatchType type, string patch, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T> =>
        PatchPathAsync<T>(T.Resource.GetObjectPath(@namespace, name), type, patch, cancellationToken);

    /// <summary>
    /// Patches the <c>status</c> subresource of an object (e.g. a node's conditions), as <see cref="PatchAsync{T}"/> does
    /// the object. RBAC grants it separately (<c>nodes/status</c>), so a caller allowed to patch the object may get a 403 here.
    /// </summary>
    public Task<T> PatchStatusAsync<T>(string? @namespace, string name, PatchType type, string patch, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T> =>
        PatchPathAsync<T>(T.Resource.GetObjectPath(@namespace, name) + "/status", type, patch, cancellationToken);

    private Task<T> PatchPathAsync<T>(string path, PatchType type, string patch, CancellationToken cancellationToken)
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
        var safety = type == PatchType.Json ? RequestSafety.NonIdempotent : RequestSafety.Idempotent;
        return SendForObjectAsync<T>(HttpMethod.Patch, path, safety, () =>
        {
            var content = new StringContent(patch, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return content;
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes an object, optionally only if preconditions hold and with a propagation policy. A missing object fails
    /// with 404; callers that only want it gone check <see cref="Errors.KubernetesApiException.IsNotFound"/> (a retry after
    /// a lost response can see the 404 of its own first attempt).
    /// </summary>
    public async Task DeleteAsync<T>(string? @namespace, string name, DeleteOptions? options, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        var path = T.Resource.GetObjectPath(@namespace, name);
        var body = options is null ? null : JsonBody(options);

        // The body is the deleted object or a Status: neither is needed.
        using var response = await SendWithRetryAsync(HttpMethod.Delete, path, RequestSafety.Idempotent, body, cancellationToken)
            .ConfigureAwait(false);
    }
}
