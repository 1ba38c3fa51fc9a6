namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// A named user (auth-info) entry of a kubeconfig file. Paths are already resolved against <see cref="SourceFile"/>.
/// <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed record KubeconfigUser
{
    /// <summary>Entry name.</summary>
    public required string Name { get; init; }

    /// <summary>The file that defined this entry.</summary>
    public required string SourceFile { get; init; }

    /// <summary><c>token</c>: a static bearer token.</summary>
    public string? Token { get; init; }

    /// <summary><c>tokenFile</c>: a file holding the bearer token, re-read as it rotates.</summary>
    public string? TokenFile { get; init; }

    /// <summary><c>client-certificate</c>: path of a PEM client certificate.</summary>
    public string? ClientCertificate { get; init; }

    /// <summary><c>client-certificate-data</c>: base64 of a PEM client certificate.</summary>
    public string? ClientCertificateData { get; init; }

    /// <summary><c>client-key</c>: path of a PEM private key.</summary>
    public string? ClientKey { get; init; }

    /// <summary><c>client-key-data</c>: base64 of a PEM private key.</summary>
    public string? ClientKeyData { get; init; }

    /// <summary><c>exec</c>: a credential plugin.</summary>
    public ExecPluginConfig? Exec { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"KubeconfigUser {{ Name = {Name}, SourceFile = {SourceFile} }}";
}
