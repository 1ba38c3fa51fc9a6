using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Configuration;

/// <summary>Client certificates and tls-server-name read through KubernetesClient's kubeconfig path, then used on the wire.</summary>
public sealed class KubeconfigTlsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestCertificates _certs = new();

    public void Dispose()
    {
        _dir.Dispose();
        _certs.Dispose();
    }

    [Fact]
    public async Task Load_ClientCertificateFiles_PresentedToTheServer()
    {
        await using var server = new FakeHttpsServer(_certs.Server, requireClientCertificateFrom: _certs.Authority);
        _dir.Write("pki/client.crt", _certs.ClientCertificatePem);
        _dir.Write("pki/client.key", _certs.ClientKeyPem);
        var path = WriteConfig(server.Url, "tls-server-name: kubernetes.default.svc", """
                client-certificate: pki/client.crt
                client-key: pki/client.key
            """);
        using var client = KubernetesHttpClientFactory.CreateHttpClient(KubeconfigLoader.Load(KubeconfigLoaderTests.Options(explicitPath: path)));

        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token);

        response.EnsureSuccessStatusCode();
        Assert.Contains("CN=drain-orchestrator", Assert.Single(server.ClientSubjects), StringComparison.Ordinal);
        Assert.Null(Assert.Single(server.AuthorizationHeaders));
    }

    [Fact]
    public async Task Load_ClientCertificateData_PresentedToTheServer()
    {
        await using var server = new FakeHttpsServer(_certs.Server, requireClientCertificateFrom: _certs.Authority);
        var path = WriteConfig(server.Url, "tls-server-name: kubernetes.default.svc", $"""
                client-certificate-data: {TestCertificates.Base64(_certs.ClientCertificatePem)}
                client-key-data: {TestCertificates.Base64(_certs.ClientKeyPem)}
            """);
        using var client = KubernetesHttpClientFactory.CreateHttpClient(KubeconfigLoader.Load(KubeconfigLoaderTests.Options(explicitPath: path)));

        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token);

        response.EnsureSuccessStatusCode();
        Assert.Contains("CN=drain-orchestrator", Assert.Single(server.ClientSubjects), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_TlsServerName_ChecksTheCertificateAgainstItInsteadOfTheUrlHost()
    {
        // The server's certificate names kubernetes.default.svc only; the URL is 127.0.0.1.
        await using var server = new FakeHttpsServer(_certs.Server);
        var withName = WriteConfig(server.Url, "tls-server-name: kubernetes.default.svc", "    token: t");
        var withoutName = WriteConfig(server.Url, "", "    token: t");
        var wrongName = WriteConfig(server.Url, "tls-server-name: other.example", "    token: t");
        using var named = KubernetesHttpClientFactory.CreateHttpClient(KubeconfigLoader.Load(KubeconfigLoaderTests.Options(explicitPath: withName)));
        using var unnamed = KubernetesHttpClientFactory.CreateHttpClient(KubeconfigLoader.Load(KubeconfigLoaderTests.Options(explicitPath: withoutName)));
        using var wrong = KubernetesHttpClientFactory.CreateHttpClient(KubeconfigLoader.Load(KubeconfigLoaderTests.Options(explicitPath: wrongName)));

        using var response = await named.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token);

        response.EnsureSuccessStatusCode();
        await Assert.ThrowsAsync<HttpRequestException>(() => unnamed.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token));
        await Assert.ThrowsAsync<HttpRequestException>(() => wrong.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token));
    }

    [Fact]
    public async Task Load_CertificateAuthorityGiven_RefusesAServerFromAnotherCa()
    {
        using var other = new TestCertificates();
        await using var server = new FakeHttpsServer(other.Server);
        var path = WriteConfig(server.Url, "tls-server-name: kubernetes.default.svc", "    token: t");
        using var client = KubernetesHttpClientFactory.CreateHttpClient(KubeconfigLoader.Load(KubeconfigLoaderTests.Options(explicitPath: path)));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("/api", UriKind.Relative), TestTimeout.Token));
        Assert.Equal(0, server.RequestCount);
    }

    private string WriteConfig(Uri server, string clusterExtra, string userBody)
        => _dir.Write($"config-{Guid.NewGuid():N}", $"""
            apiVersion: v1
            kind: Config
            current-context: c
            clusters:
            - name: k
              cluster:
                server: {server}
                certificate-authority-data: {TestCertificates.Base64(_certs.AuthorityPem)}
                {clusterExtra}
            contexts:
            - name: c
              context:
                cluster: k
                user: u
            users:
            - name: u
              user:
            {userBody}
            """);
}
