namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>What the plugin returns.</summary>
internal sealed class ExecCredentialStatus
{
    public DateTimeOffset? ExpirationTimestamp { get; set; }

    public string? Token { get; set; }

    public string? ClientCertificateData { get; set; }

    public string? ClientKeyData { get; set; }
}
