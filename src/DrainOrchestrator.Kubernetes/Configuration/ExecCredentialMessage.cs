namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>The ExecCredential object exchanged with a credential plugin (client.authentication.k8s.io).</summary>
internal sealed class ExecCredentialMessage
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ExecCredentialSpec? Spec { get; set; }

    public ExecCredentialStatus? Status { get; set; }
}
