using System.Text.Json;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Configuration;

public sealed class KubernetesHttpClientFactoryTests : IDisposable
{
    private readonly TestCertificates _certs = new();

    public void Dispose() => _certs.Dispose();

    [Fact]
    public async Task CreateHttpClient_TlsServerNameAndCa_ConnectsWithClientCertificateAndToken()
    {
        await using var server = new FakeHttpsServer(_certs.Server, requireClientCertificateFrom: _certs.Authority);
        var settings = Settings(server.Url) with
        {
            TlsServerName = "kubernetes.default.svc",
            ClientCertificate = _certs.Client,
            Credentials = new StaticTokenCredentialProvider("tls-test-token"),
        };
        using var client = KubernetesHttpClientFactory.CreateHttpClient(settings);

        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token);

        response.EnsureSuccessStatusCode();
        Assert.Equal("Bearer tls-test-token", Assert.Single(server.AuthorizationHeaders));
        Assert.Contains("CN=drain-orchestrator", Assert.Single(server.ClientSubjects), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateHttpClient_HostNotInCertificateAndNoTlsServerName_RefusesServer()
    {
        await using var server = new FakeHttpsServer(_certs.Server);
        using var client = KubernetesHttpClientFactory.CreateHttpClient(Settings(server.Url));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token));
    }

    [Fact]
    public async Task CreateHttpClient_CertificateFromAnotherCa_RefusesServer()
    {
        using var otherCa = new TestCertificates();
        await using var server = new FakeHttpsServer(_certs.Server);
        var settings = Settings(server.Url) with
        {
            CertificateAuthorities = [otherCa.Authority],
            TlsServerName = "kubernetes.default.svc",
        };
        using var client = KubernetesHttpClientFactory.CreateHttpClient(settings);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token));
    }

    [Fact]
    public async Task CreateHttpClient_LoopbackIpInCertificate_MatchesUrlHost()
    {
        using var certs = new TestCertificates(serverHasLoopbackIp: true);
        await using var server = new FakeHttpsServer(certs.Server);
        var settings = Settings(server.Url) with { CertificateAuthorities = [certs.Authority] };
        using var client = KubernetesHttpClientFactory.CreateHttpClient(settings);

        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token);

        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task CreateHttpClient_InsecureSkipTlsVerify_AcceptsAnyCertificate()
    {
        await using var server = new FakeHttpsServer(_certs.Server);
        var settings = new KubernetesConnectionSettings { Server = server.Url, InsecureSkipTlsVerify = true };
        using var client = KubernetesHttpClientFactory.CreateHttpClient(settings);

        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token);

        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task CreateHttpClient_ExecPluginReturnsClientCertificate_PresentsIt()
    {
        using var dir = new TempDirectory();
        var credential = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["apiVersion"] = "client.authentication.k8s.io/v1",
            ["kind"] = "ExecCredential",
            ["status"] = new Dictionary<string, string>
            {
                ["clientCertificateData"] = _certs.ClientCertificatePem,
                ["clientKeyData"] = _certs.ClientKeyPem,
            },
        });
        var json = dir.Write("credential.json", credential);
        var plugin = new ExecPluginConfig { ApiVersion = ExecCredentialProvider.ApiVersionV1, Command = "cat", Args = [json] };
        using var provider = new ExecCredentialProvider(plugin, Path.Combine(dir.Path, "config"), null, "c", TimeProvider.System);
        await using var server = new FakeHttpsServer(_certs.Server, requireClientCertificateFrom: _certs.Authority);
        var settings = Settings(server.Url) with { TlsServerName = "kubernetes.default.svc", Credentials = provider };
        using var client = KubernetesHttpClientFactory.CreateHttpClient(settings);

        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token);

        response.EnsureSuccessStatusCode();
        Assert.Null(Assert.Single(server.AuthorizationHeaders));
        Assert.Contains("CN=drain-orchestrator", Assert.Single(server.ClientSubjects), StringComparison.Ordinal);
    }

    private KubernetesConnectionSettings Settings(Uri server) => new()
    {
        Server = server,
        CertificateAuthorities = [_certs.Authority],
    };
}
