namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>A bearer token written in the kubeconfig itself.</summary>
public sealed class StaticTokenCredentialProvider : ICredentialProvider
{
    private readonly KubernetesCredential _credential;

    /// <summary>Creates the provider for a fixed token.</summary>
    public StaticTokenCredentialProvider(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _credential = new KubernetesCredential(token);
    }

    /// <inheritdoc />
    public ValueTask<KubernetesCredential> GetCredentialAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult(_credential);

    /// <inheritdoc />
    public void Invalidate()
    {
        // A static token cannot be refreshed.
    }
}
