using System.Security.Cryptography.X509Certificates;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Everything needed to connect to an API server, resolved from a kubeconfig context or the in-cluster service account.
/// Immutable; holds no secret in <see cref="ToString"/>.
/// </summary>
public sealed record KubernetesConnectionSettings
{
    /// <summary>The API server base URL.</summary>
    public required Uri Server { get; init; }

    /// <summary>The CAs the server certificate must chain to; <see langword="null"/> means the system trust store.</summary>
    public X509Certificate2Collection? CertificateAuthorities { get; init; }

    /// <summary>A client certificate (with its key) presented to the server, from the kubeconfig.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Yields the bearer token (or exec-plugin certificate) of each request; <see langword="null"/> for none.</summary>
    public ICredentialProvider? Credentials { get; init; }

    /// <summary>Name the server certificate is checked against instead of the URL host (<c>tls-server-name</c>).</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Whether the server certificate is not verified at all (<c>insecure-skip-tls-verify</c>).</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>The default namespace: the context's, the service account's, or <c>default</c>.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The kubeconfig context these settings come from; <see langword="null"/> in-cluster.</summary>
    public string? ContextName { get; init; }

    /// <summary>
    /// What makes this connection insecure (an <c>http://</c> server, <c>insecure-skip-tls-verify</c>), empty when it is
    /// not; such settings come only from a kubeconfig loaded with <see cref="KubeconfigLoadOptions.AllowInsecure"/>.
    /// </summary>
    public IReadOnlyList<string> InsecureReasons =>
        (Server.Scheme == Uri.UriSchemeHttp, InsecureSkipTlsVerify) switch
        {
            (true, _) => [$"the API server {Server} is plain HTTP: the token and every request travel unencrypted"],
            (false, true) => [$"insecure-skip-tls-verify: the certificate of {Server} is not checked"],
            _ => [],
        };

    /// <summary>The host name the server certificate must match.</summary>
    public string ExpectedServerName => TlsServerName ?? Server.IdnHost.Trim('[', ']');

    /// <inheritdoc />
    public override string ToString()
        => $"KubernetesConnectionSettings {{ Server = {Server}, Context = {ContextName ?? "in-cluster"}, " +
           $"Namespace = {Namespace}, Credentials = {Credentials?.GetType().Name ?? "none"} }}";
}
