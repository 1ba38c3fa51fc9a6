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

    /// <summary>
    /// How long, on the wall clock, connecting waits for the first complete list of the cluster's objects before it fails
    /// saying why (an API server that refuses connections, or never answers): the informers would retry for ever.
    /// </summary>
    public TimeSpan FirstListWithin { get; init; } = DefaultFirstListWithin;

    /// <summary>The default of <see cref="FirstListWithin"/>: 30 seconds.</summary>
    public static TimeSpan DefaultFirstListWithin { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The Prometheus the guests' dirty rates are read from (<c>--prometheus-url</c>); null to read none.</summary>
    public Engine.Learning.PrometheusOptions? Prometheus { get; init; }
}
