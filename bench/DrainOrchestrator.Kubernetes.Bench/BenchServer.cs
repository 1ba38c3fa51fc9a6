using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Bench;

/// <summary>The fake HTTPS API server with a client connected to it over TLS, as in the tests.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly TestCertificates _certs = new();

    public BenchServer(Func<FakeRequest, FakeExchange, Task> script)
    {
        Server = new FakeHttpsServer(_certs.Server, script: script);
        Client = KubernetesClient.Create(new KubernetesConnectionSettings
        {
            Server = Server.Url,
            CertificateAuthorities = [_certs.Authority],
            TlsServerName = "kubernetes.default.svc",
            Credentials = new StaticTokenCredentialProvider("bench-token"),
        });
    }

    public FakeHttpsServer Server { get; }

    public KubernetesClient Client { get; }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        _certs.Dispose();
    }
}
