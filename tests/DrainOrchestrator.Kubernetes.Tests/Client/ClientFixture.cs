using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Client;

/// <summary>A scripted HTTPS API server and a client connected to it with CA, tls-server-name and a bearer token.</summary>
internal sealed class ClientFixture : IAsyncDisposable
{
    private readonly TestCertificates _certs = new();

    public const string Token = "client-test-token";

    /// <summary>A client that makes every call once (the tests of single calls), unless options say otherwise.</summary>
    public ClientFixture(Func<FakeRequest, FakeExchange, Task> script, KubernetesClientOptions? options = null)
    {
        Server = new FakeHttpsServer(_certs.Server, script: script);
        Client = KubernetesClient.Create(new KubernetesConnectionSettings
        {
            Server = Server.Url,
            CertificateAuthorities = [_certs.Authority],
            TlsServerName = "kubernetes.default.svc",
            Credentials = new StaticTokenCredentialProvider(Token),
        }, Time, options ?? new KubernetesClientOptions { Retry = KubernetesRetryOptions.None });
    }

    public RecordingTimeProvider Time { get; } = new();

    public FakeHttpsServer Server { get; }

    public KubernetesClient Client { get; }

    public FakeRequest SingleRequest => Assert.Single(Server.Requests);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        _certs.Dispose();
    }
}
