using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Bench;

/// <summary>The fake HTTPS API server with a client connected to it over TLS, as in the tests.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly TestCertificates _certs = new();
    private readonly KubernetesConnectionSettings _settings;

    public BenchServer(Func<FakeRequest, FakeExchange, Task> script)
    {
        Server = new FakeHttpsServer(_certs.Server, script: script);
        _settings = new KubernetesConnectionSettings
        {
            Server = Server.Url,
            CertificateAuthorities = [_certs.Authority],
            TlsServerName = "kubernetes.default.svc",
            Credentials = new StaticTokenCredentialProvider("bench-token"),
        };
        Client = KubernetesClient.Create(_settings);
    }

    public FakeHttpsServer Server { get; }

    public KubernetesClient Client { get; }

    /// <summary>The CA of the server's certificate, for clients built outside <see cref="KubernetesConnectionSettings"/>.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 Authority => _certs.Authority;

    /// <summary>An HTTP client with the same handler (TLS, token) as <see cref="Client"/>, for reading raw bytes.</summary>
    public HttpClient CreateRawHttpClient() => KubernetesHttpClientFactory.CreateHttpClient(_settings);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        _certs.Dispose();
    }
}
