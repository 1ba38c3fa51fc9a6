using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>The cluster a plugin is asked about when provideClusterInfo is set.</summary>
public sealed class ExecCredentialCluster
{
    public string? Server { get; set; }

    [JsonPropertyName("tls-server-name")]
    public string? TlsServerName { get; set; }

    [JsonPropertyName("insecure-skip-tls-verify")]
    public bool InsecureSkipTlsVerify { get; set; }

    [JsonPropertyName("certificate-authority-data")]
    public string? CertificateAuthorityData { get; set; }
}
