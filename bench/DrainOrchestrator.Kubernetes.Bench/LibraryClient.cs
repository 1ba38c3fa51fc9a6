using k8s;

namespace DrainOrchestrator.Kubernetes.Bench;

/// <summary>
/// KubernetesClient's own client (<see cref="k8s.Kubernetes"/>) against the same fake server, CA, tls-server-name and
/// token as <see cref="BenchServer.Client"/>: its HTTP pipeline, its JSON options, its custom-object calls.
/// </summary>
internal static class LibraryClient
{
    public static k8s.Kubernetes Create(BenchServer bench) => new(new KubernetesClientConfiguration
    {
        Host = bench.Server.Url.ToString(),
        SslCaCerts = [bench.Authority],
        TlsServerName = "kubernetes.default.svc",
        AccessToken = "bench-token",
    });
}
