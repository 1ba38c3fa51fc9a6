using System.Globalization;
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
    /// with something else is adopted too. A name whose holder vanishes between the AlreadyExists and the read is created
    /// again (at most <c>3</c> rounds): right for objects that only hold state (Leases, policies), wrong for objects whose
    /// creation acts, which use <see cref="CreateOnceAsync{T}"/>.
    /// </summary>
    public async Task<CreateResult<T>> CreateOrAdoptAsync<T>(T value, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        for (var round = 1; ; round++)
        {
            var result = await CreateOnceAsync(value, null, cancellationToken).ConfigureAwait(false);
            if (result.Outcome != CreateOutcome.Vanished || round >= MaxAdoptRounds)
            {
                return result.Outcome == CreateOutcome.Vanished
                    ? throw new KubernetesApiException(System.Net.HttpStatusCode.Conflict, KubernetesReasons.AlreadyExists,
                        $"Kubernetes API: the name {value.Metadata.Name} was taken and then deleted {round} times in a row; try again later.", verdict: RetryVerdict.BackOff)
                    : result;
            }
        }
    }

    /// <summary>
    /// Creates an object whose name is deterministic at most once: AlreadyExists adopts the existing object (as
    /// <see cref="CreateOrAdoptAsync{T}"/>), and a name taken by an object that is gone when read is reported
    /// <see cref="CreateOutcome.Vanished"/>, never created again. This is the create for objects whose creation acts (a
    /// VMIM starts a migration): the vanished holder may be this caller's own earlier create (its answer lost to a
    /// timeout, the retry answered AlreadyExists) that finished and was garbage-collected, or that someone deleted;
    /// creating the name again would repeat that act.
    /// </summary>
    /// <param name="value">The object, with its deterministic name.</param>
    /// <param name="serverTimeout">
    /// When set, sent as the request's <c>timeout</c> (whole seconds, rounded up): the API server gives the request up
    /// rather than commit it later than that after it received it, so a request that outlives its sender's deadline
    /// cannot land long after.
    /// </param>
    /// <param name="cancellationToken">Cancels the call (with the caller's own deadline).</param>
    public async Task<CreateResult<T>> CreateOnceAsync<T>(T value, TimeSpan? serverTimeout, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.Metadata.Name;
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("Create-once needs a deterministic metadata.name.", nameof(value));
        }

        var @namespace = T.Resource.Namespaced ? value.Metadata.Namespace : null;
        try
        {
            var path = T.Resource.GetCollectionPath(@namespace) + (serverTimeout is { } timeout
                ? string.Create(CultureInfo.InvariantCulture, $"?timeout={Math.Max(1, (long)Math.Ceiling(timeout.TotalSeconds))}s")
                : "");
            var created = await SendForObjectAsync<T>(HttpMethod.Post, path, RequestSafety.Idempotent, JsonBody(value), cancellationToken)
                .ConfigureAwait(false);
            return new CreateResult<T>(created, CreateOutcome.Created);
        }
        catch (KubernetesApiException ex) when (ex.IsAlreadyExists)
        {
            try
            {
                var existing = await GetAsync<T>(@namespace, name, cancellationToken).ConfigureAwait(false);
                return new CreateResult<T>(existing, CreateOutcome.Adopted);
            }
            catch (KubernetesApiException gone) when (gone.IsNotFound)
            {
                return new CreateResult<T>(value, CreateOutcome.Vanished);
            }
        }
    }
}
