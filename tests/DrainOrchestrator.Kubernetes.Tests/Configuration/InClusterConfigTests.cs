using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Configuration;

public sealed class InClusterConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestCertificates _certs = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _dir.Dispose();
        _certs.Dispose();
    }

    [Fact]
    public async Task Load_ServiceAccountFiles_BuildsSettings()
    {
        WriteServiceAccount("token-1");

        var settings = InClusterConfig.Load(Options("10.96.0.1", "443"));

        Assert.Equal(new Uri("https://10.96.0.1:443"), settings.Server);
        Assert.Equal("drain-system", settings.Namespace);
        Assert.Equal(_certs.Authority.Thumbprint, Assert.Single(settings.CertificateAuthorities!).Thumbprint);
        Assert.Null(settings.ContextName);
        Assert.Equal("token-1", (await settings.Credentials!.GetCredentialAsync(CancellationToken.None)).BearerToken);
        Assert.True(InClusterConfig.IsAvailable(Options("10.96.0.1", "443")));
    }

    [Fact]
    public void Load_Ipv6ServiceHost_BracketsTheAddress()
    {
        WriteServiceAccount("t");

        Assert.Equal(new Uri("https://[fd00::1]:6443"), InClusterConfig.Load(Options("fd00::1", "6443")).Server);
    }

    [Fact]
    public async Task GetCredential_TokenFileRotates_ReadsNewTokenAfterRefreshInterval()
    {
        WriteServiceAccount("token-1");
        var credentials = InClusterConfig.Load(Options("10.96.0.1", "443")).Credentials!;
        await credentials.GetCredentialAsync(CancellationToken.None);

        _dir.Write("sa/token", "token-2");
        var beforeRefresh = await credentials.GetCredentialAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(61));
        var afterRefresh = await credentials.GetCredentialAsync(CancellationToken.None);
        _dir.Write("sa/token", "token-3");
        credentials.Invalidate();
        var afterInvalidate = await credentials.GetCredentialAsync(CancellationToken.None);

        Assert.Equal("token-1", beforeRefresh.BearerToken);
        Assert.Equal("token-2", afterRefresh.BearerToken);
        Assert.Equal("token-3", afterInvalidate.BearerToken);
    }

    [Fact]
    public void Load_ServiceHostUnset_NamesVariable()
    {
        WriteServiceAccount("t");

        var ex = Assert.Throws<KubernetesConfigurationException>(() => InClusterConfig.Load(Options(null, "443")));

        Assert.Equal("KUBERNETES_SERVICE_HOST", ex.Field);
        Assert.False(InClusterConfig.IsAvailable(Options(null, "443")));
    }

    [Fact]
    public void Load_BadPort_NamesVariable()
    {
        WriteServiceAccount("t");

        Assert.Equal("KUBERNETES_SERVICE_PORT",
            Assert.Throws<KubernetesConfigurationException>(() => InClusterConfig.Load(Options("10.0.0.1", "https"))).Field);
    }

    [Fact]
    public void Load_TokenMissing_NamesTokenFile()
    {
        var ex = Assert.Throws<KubernetesConfigurationException>(() => InClusterConfig.Load(Options("10.0.0.1", "443")));

        Assert.Equal(Path.Combine(_dir.Path, "sa", "token"), ex.FilePath);
    }

    [Fact]
    public void LoadDefault_NoKubeconfig_FallsBackToInCluster()
    {
        WriteServiceAccount("t");
        var kubeconfig = new KubeconfigLoadOptions
        {
            GetEnvironmentVariable = name => name == "HOME" ? _dir.Path : null,
        };

        var settings = KubeconfigLoader.LoadDefault(kubeconfig, Options("10.96.0.1", "443"));

        Assert.Equal(new Uri("https://10.96.0.1:443"), settings.Server);
    }

    private void WriteServiceAccount(string token)
    {
        _dir.Write("sa/token", token);
        _dir.Write("sa/ca.crt", _certs.AuthorityPem);
        _dir.Write("sa/namespace", "drain-system");
    }

    private InClusterOptions Options(string? host, string? port) => new()
    {
        ServiceAccountPath = Path.Combine(_dir.Path, "sa"),
        GetEnvironmentVariable = name => name switch
        {
            "KUBERNETES_SERVICE_HOST" => host,
            "KUBERNETES_SERVICE_PORT" => port,
            _ => null,
        },
        TimeProvider = _time,
    };
}
