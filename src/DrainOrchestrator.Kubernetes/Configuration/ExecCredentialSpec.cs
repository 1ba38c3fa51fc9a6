namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>What the client tells the plugin (KUBERNETES_EXEC_INFO).</summary>
internal sealed class ExecCredentialSpec
{
    public bool Interactive { get; set; }

    public ExecCredentialCluster? Cluster { get; set; }
}
