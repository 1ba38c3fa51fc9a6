namespace DrainOrchestrator.Application.Clusters;

/// <summary>
/// Which cluster to use, found the way kubectl finds it: <see cref="Kubeconfig"/> if given; else the files in
/// <c>KUBECONFIG</c>, merged; else <c>~/.kube/config</c>; else the in-cluster service account.
/// </summary>
/// <param name="Kubeconfig">The <c>--kubeconfig</c> file; null to search.</param>
/// <param name="Context">The <c>--context</c>; null for the kubeconfig's current context.</param>
/// <param name="LeaseNamespace">Where the per-node maintenance Leases live (medik8s' namespace unless told otherwise).</param>
/// <param name="AllowInsecure">
/// <c>--allow-insecure-kubernetes</c>: accept an <c>http://</c> server or <c>insecure-skip-tls-verify</c> (with a warning
/// at every start) instead of refusing them.
/// </param>
public sealed record ClusterTarget(string? Kubeconfig = null, string? Context = null, string LeaseNamespace = ClusterTarget.DefaultLeaseNamespace,
    bool AllowInsecure = false)
{
    /// <summary>The namespace node-maintenance-operator and NodeHealthCheck keep their node Leases in.</summary>
    public const string DefaultLeaseNamespace = Engine.Cluster.NodeLeaseNames.DefaultNamespace;

    /// <summary>The Prometheus the guests' dirty rates are read from (<c>--prometheus-url</c>); null to read none.</summary>
    public Engine.Learning.PrometheusOptions? Prometheus { get; init; }
}
