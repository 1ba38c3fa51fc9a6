using k8s.Authentication;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// A token from one of KubernetesClient's own token providers (the oidc auth-provider, which refreshes its id-token), put
/// on our request pipeline. The library decides when to refresh, so <see cref="Invalidate"/> has nothing to forget.
/// </summary>
internal sealed class LibraryTokenCredentialProvider(ITokenProvider provider) : ICredentialProvider
{
    public async ValueTask<KubernetesCredential> GetCredentialAsync(CancellationToken cancellationToken)
    {
        var header = await provider.GetAuthenticationHeaderAsync(cancellationToken).ConfigureAwait(false);
        return new KubernetesCredential(header.Parameter);
    }

    public void Invalidate()
    {
        // The library's providers refresh on their own schedule.
    }
}
