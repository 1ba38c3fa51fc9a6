namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Yields the credential to present on the next request, refreshing it when it has expired or rotated.</summary>
public interface ICredentialProvider
{
    /// <summary>Returns the current credential, obtaining a fresh one first when needed.</summary>
    ValueTask<KubernetesCredential> GetCredentialAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the cached credential, e.g. after the server answered 401, so the next call obtains a new one.</summary>
    void Invalidate();
}
