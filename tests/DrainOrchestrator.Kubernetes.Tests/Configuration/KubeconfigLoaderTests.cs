using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Configuration;

public sealed class KubeconfigLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestCertificates _certs = new();

    public void Dispose()
    {
        _dir.Dispose();
        _certs.Dispose();
    }

    [Fact]
    public async Task Load_FileAsKubectlWritesIt_ResolvesCurrentContext()
    {
        var path = _dir.Write("config", $$"""
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: {{TestCertificates.Base64(_certs.AuthorityPem)}}
                server: https://10.0.0.1:6443
              name: prod
            contexts:
            - context:
                cluster: prod
                namespace: drains
                user: prod-admin
              name: prod-admin@prod
            current-context: prod-admin@prod
            kind: Config
            preferences: {}
            users:
            - name: prod-admin
              user:
                client-certificate-data: {{TestCertificates.Base64(_certs.ClientCertificatePem)}}
                client-key-data: {{TestCertificates.Base64(_certs.ClientKeyPem)}}
                token: sha256~abcdef
            """);

        var settings = KubeconfigLoader.Load(Options(explicitPath: path));

        Assert.Equal(new Uri("https://10.0.0.1:6443"), settings.Server);
        Assert.Equal("drains", settings.Namespace);
        Assert.Equal("prod-admin@prod", settings.ContextName);
        Assert.Equal(_certs.Authority.Thumbprint, Assert.Single(settings.CertificateAuthorities!).Thumbprint);
        Assert.True(settings.ClientCertificate!.HasPrivateKey);
        Assert.Equal(_certs.Client.Thumbprint, settings.ClientCertificate.Thumbprint);
        var credential = await settings.Credentials!.GetCredentialAsync(CancellationToken.None);
        Assert.Equal("sha256~abcdef", credential.BearerToken);
        Assert.DoesNotContain("abcdef", credential.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("abcdef", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KubeconfigOfTwoFiles_MergesByKubectlRules()
    {
        var first = _dir.Write("a/config", """
            apiVersion: v1
            kind: Config
            current-context: alpha
            clusters:
            - name: shared
              cluster:
                server: https://first.example:6443
                insecure-skip-tls-verify: true
            contexts:
            - name: alpha
              context:
                cluster: shared
                user: alice
            users:
            - name: alice
              user:
                token: first-token
            """);
        var second = _dir.Write("b/config", """
            apiVersion: v1
            kind: Config
            current-context: beta
            clusters:
            - name: shared
              cluster:
                server: https://second.example:6443
            - name: other
              cluster:
                server: https://other.example:6443
            contexts:
            - name: alpha
              context:
                cluster: other
                user: alice
            - name: beta
              context:
                cluster: shared
                namespace: beta-ns
            """);
        var env = new Dictionary<string, string?> { ["KUBECONFIG"] = $"{first}{Path.PathSeparator}{Path.PathSeparator}{second}{Path.PathSeparator}{_dir.Path}/missing" };

        var current = KubeconfigLoader.Load(Options(env: env, allowInsecure: true));
        var beta = KubeconfigLoader.Load(Options(env: env, context: "beta", allowInsecure: true));
        var merged = KubeconfigLoader.LoadMerged(Options(env: env));

        // current-context from the first file that sets it; clusters and contexts: the first definition wins.
        Assert.Equal("alpha", current.ContextName);
        Assert.Equal(new Uri("https://first.example:6443"), current.Server);
        Assert.True(current.InsecureSkipTlsVerify);
        Assert.Equal("beta", beta.ContextName);
        Assert.Equal(new Uri("https://first.example:6443"), beta.Server);
        Assert.Equal("beta-ns", beta.Namespace);
        Assert.Null(beta.Credentials);
        Assert.Equal(2, merged.Files.Count);
        Assert.Equal(["other", "shared"], merged.Clusters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(first, merged.CurrentContextFile);
    }

    [Fact]
    public void Load_KubeconfigOfTwoFiles_RelativePathInTheSecondFileResolvedAgainstItsOwnDirectory()
    {
        _dir.Write("second/ca.crt", _certs.AuthorityPem);
        var first = _dir.Write("first/config", """
            current-context: from-second
            """);
        var second = _dir.Write("second/config", """
            clusters:
            - name: k
              cluster:
                server: https://k.example
                certificate-authority: ca.crt
            contexts:
            - name: from-second
              context: {cluster: k}
            """);
        var env = new Dictionary<string, string?> { ["KUBECONFIG"] = $"{first}{Path.PathSeparator}{second}" };

        var settings = KubeconfigLoader.Load(Options(env: env));

        Assert.Equal("from-second", settings.ContextName);
        Assert.Equal(_certs.Authority.Thumbprint, Assert.Single(settings.CertificateAuthorities!).Thumbprint);
    }

    [Fact]
    public async Task Load_RelativePaths_ResolvedAgainstTheFileHoldingThem()
    {
        _dir.Write("certs/ca.crt", _certs.AuthorityPem);
        _dir.Write("certs/client.crt", _certs.ClientCertificatePem);
        _dir.Write("certs/client.key", _certs.ClientKeyPem);
        _dir.Write("kube/token", "file-token\n");
        var path = _dir.Write("kube/config", """
            apiVersion: v1
            kind: Config
            current-context: c
            clusters:
            - name: k
              cluster:
                server: https://k.example
                certificate-authority: ../certs/ca.crt
                tls-server-name: kubernetes.default.svc
            contexts:
            - name: c
              context: {cluster: k, user: u}
            users:
            - name: u
              user:
                client-certificate: ../certs/client.crt
                client-key: ../certs/client.key
                tokenFile: token
            """);

        // Run from elsewhere: relative paths must not depend on the working directory.
        var settings = KubeconfigLoader.Load(Options(explicitPath: path));

        Assert.Equal(_certs.Authority.Thumbprint, settings.CertificateAuthorities![0].Thumbprint);
        Assert.Equal(_certs.Client.Thumbprint, settings.ClientCertificate!.Thumbprint);
        Assert.Equal("kubernetes.default.svc", settings.TlsServerName);
        Assert.Equal("kubernetes.default.svc", settings.ExpectedServerName);
        Assert.Equal("file-token", (await settings.Credentials!.GetCredentialAsync(CancellationToken.None)).BearerToken);
    }

    [Fact]
    public void Load_NoFileAnywhere_ReportsTheDefaultPath()
    {
        var ex = Assert.Throws<KubernetesConfigurationException>(
            () => KubeconfigLoader.Load(Options(env: new Dictionary<string, string?> { ["HOME"] = _dir.Path })));

        Assert.Equal(Path.Combine(_dir.Path, ".kube", "config"), ex.FilePath);
    }

    [Fact]
    public void Load_ExplicitPathMissing_ReportsFile()
    {
        var ex = Assert.Throws<KubernetesConfigurationException>(
            () => KubeconfigLoader.Load(Options(explicitPath: Path.Combine(_dir.Path, "nope"))));

        Assert.Equal(Path.Combine(_dir.Path, "nope"), ex.FilePath);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefault_HomeConfigPresent_PrefersItOverInCluster()
    {
        _dir.Write(".kube/config", """
            current-context: c
            clusters: [{name: k, cluster: {server: "https://home.example"}}]
            contexts: [{name: c, context: {cluster: k}}]
            """);

        var settings = KubeconfigLoader.LoadDefault(Options(env: new Dictionary<string, string?> { ["HOME"] = _dir.Path }));

        Assert.Equal(new Uri("https://home.example"), settings.Server);
    }

    internal static KubeconfigLoadOptions Options(
        string? explicitPath = null,
        Dictionary<string, string?>? env = null,
        string? context = null,
        TimeProvider? time = null,
        bool allowInsecure = false)
        => new()
        {
            AllowInsecure = allowInsecure,
            ExplicitPath = explicitPath,
            Context = context,
            GetEnvironmentVariable = name => env is not null && env.TryGetValue(name, out var value) ? value : null,
            HomeDirectory = null,
            TimeProvider = time ?? TimeProvider.System,
        };
}
