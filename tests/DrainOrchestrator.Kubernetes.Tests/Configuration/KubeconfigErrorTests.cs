using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Configuration;

public sealed class KubeconfigErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_ClusterWithoutServer_NamesFileContextAndField()
    {
        var path = Write("""
            current-context: c
            clusters: [{name: k, cluster: {insecure-skip-tls-verify: true}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            users: [{name: u, user: {token: secret-value}}]
            """);

        var ex = Load(path);

        Assert.Equal(path, ex.FilePath);
        Assert.Equal("c", ex.ContextName);
        Assert.Equal("clusters[k].cluster.server", ex.Field);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ContextOverrideUnknown_NamesContext()
    {
        var path = Write("""
            current-context: c
            clusters: [{name: k, cluster: {server: "https://x"}}]
            contexts: [{name: c, context: {cluster: k}}]
            """);

        var ex = Load(path, context: "typo");

        Assert.Equal("typo", ex.ContextName);
        Assert.Equal("contexts[typo]", ex.Field);
    }

    [Fact]
    public void Load_NoCurrentContext_NamesField()
        => Assert.Equal("current-context", Load(Write("clusters: []")).Field);

    [Fact]
    public void Load_ContextNamesMissingUser_NamesUser()
    {
        var path = Write("""
            current-context: c
            clusters: [{name: k, cluster: {server: "https://x"}}]
            contexts: [{name: c, context: {cluster: k, user: ghost}}]
            """);

        Assert.Equal("users[ghost]", Load(path).Field);
    }

    [Fact]
    public void Load_ContextNamesMissingCluster_NamesCluster()
    {
        var path = Write("""
            current-context: c
            contexts: [{name: c, context: {cluster: gone}}]
            """);

        Assert.Equal("clusters[gone]", Load(path).Field);
    }

    [Fact]
    public void Load_ClientCertificateWithoutKey_NamesClientKey()
    {
        var path = Write("""
            current-context: c
            clusters: [{name: k, cluster: {server: "https://x"}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            users: [{name: u, user: {client-certificate-data: Zm9v}}]
            """);

        Assert.Equal("users[u].user.client-key", Load(path).Field);
    }

    [Fact]
    public void Load_BadBase64CertificateAuthority_NamesDataField()
    {
        var path = Write("""
            current-context: c
            clusters: [{name: k, cluster: {server: "https://x", certificate-authority-data: "not base64!"}}]
            contexts: [{name: c, context: {cluster: k}}]
            """);

        Assert.Equal("clusters[k].cluster.certificate-authority-data", Load(path).Field);
    }

    [Fact]
    public void Load_MissingCertificateAuthorityFile_NamesPathField()
    {
        var path = Write("""
            current-context: c
            clusters: [{name: k, cluster: {server: "https://x", certificate-authority: missing-ca.crt}}]
            contexts: [{name: c, context: {cluster: k}}]
            """);

        var ex = Load(path);

        Assert.Equal("clusters[k].cluster.certificate-authority", ex.Field);
        Assert.Contains(Path.Combine(_dir.Path, "missing-ca.crt"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ServerNotAUrl_NamesServer()
    {
        var path = Write("""
            current-context: c
            clusters: [{name: k, cluster: {server: "10.0.0.1:6443"}}]
            contexts: [{name: c, context: {cluster: k}}]
            """);

        Assert.Equal("clusters[k].cluster.server", Load(path).Field);
    }

    [Fact]
    public void Load_WrongShapeAndBadBoolean_NameTheYamlField()
    {
        var shape = Write("clusters: {name: k}");
        var boolean = Write("""
            clusters: [{name: k, cluster: {server: "https://x", insecure-skip-tls-verify: maybe}}]
            """);

        Assert.Equal("clusters", Load(shape).Field);
        Assert.Equal("clusters[0].cluster.insecure-skip-tls-verify", Load(boolean).Field);
    }

    [Fact]
    public void Load_InvalidYaml_NamesFile()
    {
        var path = Write("clusters: [unclosed");

        var ex = Load(path);

        Assert.Equal(path, ex.FilePath);
        Assert.Contains("not valid YAML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExecWithoutCommandOrWithOldApiVersion_NamesExecField()
    {
        var noCommand = Write("""
            users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1}}}]
            """);
        var oldVersion = Write("""
            users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: x}}}]
            """);

        Assert.Equal("users[0].user.exec.command", Load(noCommand).Field);
        Assert.Equal("users[0].user.exec.apiVersion", Load(oldVersion).Field);
    }

    [Fact]
    public void Load_SeveralProblemsInOneContext_ReportsEveryOneAtOnce()
    {
        var path = Write("""
            current-context: c
            clusters: [{name: k, cluster: {server: "10.0.0.1:6443", certificate-authority: missing-ca.crt}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            users: [{name: u, user: {client-certificate-data: Zm9v, tokenFile: no-such-token}}]
            """);

        var ex = Load(path);

        Assert.Equal(
            ["clusters[k].cluster.server", "clusters[k].cluster.certificate-authority", "users[u].user.tokenFile", "users[u].user.client-key"],
            ex.Problems.Select(p => p.Field));
        Assert.Equal("clusters[k].cluster.server", ex.Field);
        Assert.All(ex.Problems, p => Assert.Contains(p.Field!, ex.Message, StringComparison.Ordinal));
        Assert.StartsWith("Kubernetes configuration: 4 problems:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralBrokenEntriesInOneFile_ReportsEveryOneAtOnce()
    {
        var path = Write("""
            clusters: [{cluster: {server: "https://x"}}, {name: k2}]
            users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1alpha1}}}]
            """);

        var ex = Load(path);

        Assert.Equal(["clusters[0].name", "clusters[1].cluster", "users[0].user.exec.apiVersion", "users[0].user.exec.command"],
            ex.Problems.Select(p => p.Field));
        Assert.All(ex.Problems, p => Assert.Equal(path, p.FilePath));
    }

    private string Write(string yaml) => _dir.Write($"config-{Guid.NewGuid():N}", yaml);

    private static KubernetesConfigurationException Load(string path, string? context = null)
        => Assert.Throws<KubernetesConfigurationException>(
            () => KubeconfigLoader.Load(KubeconfigLoaderTests.Options(explicitPath: path, context: context)));
}
