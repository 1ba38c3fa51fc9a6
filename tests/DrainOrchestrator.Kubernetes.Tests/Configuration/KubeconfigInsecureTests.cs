using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Configuration;

/// <summary>An http:// server and insecure-skip-tls-verify are refused unless allowed, and never override a given CA.</summary>
public sealed class KubeconfigInsecureTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestCertificates _certs = new();

    public void Dispose()
    {
        _dir.Dispose();
        _certs.Dispose();
    }

    [Fact]
    public void Load_HttpServer_RefusedNamingTheClusterEntryAndTheFlag()
    {
        var path = Write("server: http://api.example:8080");

        var ex = Assert.Throws<KubernetesConfigurationException>(() => KubeconfigLoader.Load(Options(path, allowInsecure: false)));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("clusters[prod].cluster.server", problem.Field);
        Assert.Equal(path, problem.FilePath);
        Assert.Contains("https://", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("--allow-insecure-kubernetes", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InsecureSkipTlsVerify_RefusedNamingTheClusterEntryAndTheFlag()
    {
        var path = Write("server: https://api.example:6443\n    insecure-skip-tls-verify: true");

        var ex = Assert.Throws<KubernetesConfigurationException>(() => KubeconfigLoader.Load(Options(path, allowInsecure: false)));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("clusters[prod].cluster.insecure-skip-tls-verify", problem.Field);
        Assert.Contains("certificate-authority", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("--allow-insecure-kubernetes", problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_InsecureSkipTlsVerifyWithCa_RefusedEvenWhenInsecureIsAllowed(bool allowInsecure)
    {
        var path = Write($"server: https://api.example:6443\n    insecure-skip-tls-verify: true\n    certificate-authority-data: {TestCertificates.Base64(_certs.AuthorityPem)}");

        var ex = Assert.Throws<KubernetesConfigurationException>(() => KubeconfigLoader.Load(Options(path, allowInsecure)));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("clusters[prod].cluster.insecure-skip-tls-verify", problem.Field);
        Assert.Contains("remove insecure-skip-tls-verify", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InsecureAllowed_LoadsAndSaysWhatIsInsecure()
    {
        var http = KubeconfigLoader.Load(Options(Write("server: http://api.example:8080"), allowInsecure: true));
        var skip = KubeconfigLoader.Load(Options(Write("server: https://api.example:6443\n    insecure-skip-tls-verify: true"), allowInsecure: true));
        var safe = KubeconfigLoader.Load(Options(Write($"server: https://api.example:6443\n    certificate-authority-data: {TestCertificates.Base64(_certs.AuthorityPem)}"), allowInsecure: false));

        Assert.Contains("plain HTTP", Assert.Single(http.InsecureReasons), StringComparison.Ordinal);
        Assert.True(skip.InsecureSkipTlsVerify);
        Assert.Contains("insecure-skip-tls-verify", Assert.Single(skip.InsecureReasons), StringComparison.Ordinal);
        Assert.Empty(safe.InsecureReasons);
    }

    [Fact]
    public void ServerCertificateValidator_SkipVerifyWithAuthorities_Refused()
    {
        var settings = new KubernetesConnectionSettings
        {
            Server = new Uri("https://api.example:6443"),
            CertificateAuthorities = [_certs.Authority],
            InsecureSkipTlsVerify = true,
        };

        var ex = Assert.Throws<ArgumentException>(() => new ServerCertificateValidator(settings));

        Assert.Contains("drop insecure-skip-tls-verify", ex.Message, StringComparison.Ordinal);
    }

    private static KubeconfigLoadOptions Options(string path, bool allowInsecure)
        => KubeconfigLoaderTests.Options(explicitPath: path, allowInsecure: allowInsecure);

    private string Write(string clusterFields) => _dir.Write($"config-{Guid.NewGuid():N}", $$$"""
        current-context: c
        clusters:
        - name: prod
          cluster:
            {{{clusterFields}}}
        contexts: [{name: c, context: {cluster: prod, user: u}}]
        users: [{name: u, user: {token: t}}]
        """);
}
