using System.Security.Cryptography.X509Certificates;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>What a request presents to the API server right now. <see cref="ToString"/> never shows the secret.</summary>
/// <param name="BearerToken">The bearer token, if any.</param>
/// <param name="ClientCertificate">A client certificate with its private key, if the credential is one.</param>
/// <param name="ExpiresAt">When the credential stops being valid, if it says.</param>
public sealed record KubernetesCredential(
    string? BearerToken,
    X509Certificate2? ClientCertificate = null,
    DateTimeOffset? ExpiresAt = null)
{
    /// <summary>No credential: anonymous access or client certificate from the configuration only.</summary>
    public static KubernetesCredential None { get; } = new(BearerToken: null);

    /// <inheritdoc />
    public override string ToString()
        => $"KubernetesCredential {{ BearerToken = {(BearerToken is null ? "none" : "<redacted>")}, " +
           $"ClientCertificate = {ClientCertificate?.Subject ?? "none"}, ExpiresAt = {ExpiresAt?.ToString("O") ?? "never"} }}";
}
