using System.Net;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>Connecting to the simulator over HTTPS with the kubeconfig it generates, found as kubectl finds it.</summary>
public sealed class KubeconfigConnectionTests(SimulatorHost host) : IClassFixture<SimulatorHost>
{
    [Fact]
    public void Load_GeneratedKubeconfig_ResolvesTheSimulatorsContextCaAndToken()
    {
        var settings = host.Settings;

        Assert.Equal("drain-sim", settings.ContextName);
        Assert.Equal("default", settings.Namespace);
        Assert.Equal(Uri.UriSchemeHttps, settings.Server.Scheme);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(settings.Server.Host)));
        Assert.Single(settings.CertificateAuthorities!);
        Assert.IsType<StaticTokenCredentialProvider>(settings.Credentials);
        Assert.False(settings.InsecureSkipTlsVerify);
    }

    [Fact]
    public async Task ListAsync_KubeconfigFoundThroughKubeconfigVariable_ConnectsOverVerifiedTls()
    {
        var settings = KubeconfigLoader.Load(new KubeconfigLoadOptions
        {
            GetEnvironmentVariable = name => name == "KUBECONFIG" ? $"/nonexistent/config{Path.PathSeparator}{host.KubeconfigPath}" : null,
        });
        using var client = KubernetesClient.Create(settings);

        var namespaces = await client.ListAsync<Namespace>(null, null, TestTimeout.Token);

        Assert.Contains(namespaces.Items, n => n.Metadata.Name == SimulatorSeed.Tenant);
    }

    [Fact]
    public async Task GetAsync_WrongBearerToken_FailsUnauthorizedWithPermanentVerdict()
    {
        using var client = KubernetesClient.Create(host.Settings with { Credentials = new StaticTokenCredentialProvider("not-the-token") });

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync<Node>(null, "node-1", TestTimeout.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
    }

    [Fact]
    public async Task CreateAsync_GenerateName_GetsAUniqueNameFromTheServer()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var template = TestObjects.Migration(SimulatorSeed.Tenant, "", "vm-1");
        template.Metadata.Name = null;
        template.Metadata.GenerateName = "drain-";

        var first = await client.CreateAsync(template, token);
        var second = await client.CreateAsync(template, token);

        Assert.StartsWith("drain-", first.Metadata.Name, StringComparison.Ordinal);
        Assert.StartsWith("drain-", second.Metadata.Name, StringComparison.Ordinal);
        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
    }
}
