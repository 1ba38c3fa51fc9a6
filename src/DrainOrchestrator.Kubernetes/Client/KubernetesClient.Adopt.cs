using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>Create-or-adopt: the idempotent create for objects whose names are deterministic.</summary>
public sealed partial class KubernetesClient
{
    private const int MaxAdoptRounds = 3;

    /// <summary>
    /// Creates an object whose name is deterministic (metadata.name, never generateName), treating AlreadyExists as
    /// adoption: the existing object is read and returned with <see cref="CreateResult{T}.Adopted"/> set. Because a repeat
    /// can only adopt, this create is retried on every back-off failure, timeouts and 5xx included. The caller must check
    /// that an adopted object is the one it meant (e.g. the VMIM's spec.vmiName and its drain label): a name collision
    /// with something else is adopted too.
    /// </summary>
    public async Task<CreateResult<T>> CreateOrAdoptAsync<T>(T value, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.Metadata.Name;
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("Create-or-adopt needs a deterministic metadata.name.", nameof(value));
        }

        var @namespace = T.Resource.Namespaced ? value.Metadata.Namespace : null;
        var path = T.Resource.GetCollectionPath(@namespace);
        var body = JsonBody(value);
        for (var round = 1; ; round++)
        {
            try
            {
                var created = await SendForObjectAsync<T>(HttpMethod.Post, path, RequestSafety.Idempotent, body, cancellationToken)
                    .ConfigureAwait(false);
                return new CreateResult<T>(created, Adopted: false);
            }
            catch (KubernetesApiException ex) when (ex.IsAlreadyExists)
            {
                try
                {
                    var existing = await GetAsync<T>(@namespace, name, cancellationToken).ConfigureAwait(false);
                    return new CreateResult<T>(existing, Adopted: true);
                }
                catch (KubernetesApiException gone) when (gone.IsNotFound && round < MaxAdoptRounds)
                {
                    // Deleted between our create and our read: the name is free again, so create once more.
                }
            }
        }
    }
}
