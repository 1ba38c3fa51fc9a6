namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>A named cluster entry of a kubeconfig file. Paths are already resolved against <see cref="SourceFile"/>.</summary>
public sealed record KubeconfigCluster
{
    /// <summary>Entry name.</summary>
    public required string Name { get; init; }

    /// <summary>The file that defined this entry.</summary>
    public required string SourceFile { get; init; }

    /// <summary><c>server</c>: the API server URL.</summary>
    public string? Server { get; init; }

    /// <summary><c>certificate-authority</c>: path of a PEM CA bundle.</summary>
    public string? CertificateAuthority { get; init; }

    /// <summary><c>certificate-authority-data</c>: base64 of a PEM CA bundle.</summary>
    public string? CertificateAuthorityData { get; init; }

    /// <summary><c>insecure-skip-tls-verify</c>.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary><c>tls-server-name</c>: the name the server certificate is checked against instead of the URL host.</summary>
    public string? TlsServerName { get; init; }
}
