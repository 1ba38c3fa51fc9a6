using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.Models;

/// <summary>DNS-1123 labels and subdomains, as the API server checks them.</summary>
public sealed class KubernetesNamesTests
{
    [Theory]
    [InlineData("medik8s-leases", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("Leases", false)]
    [InlineData("-leases", false)]
    [InlineData("leases-", false)]
    [InlineData("a.b", false)]
    public void IsDnsLabel_TheApiServersRule(string? name, bool valid) => Assert.Equal(valid, KubernetesNames.IsDnsLabel(name));

    [Fact]
    public void IsDnsLabel_AtMost63() =>
        Assert.Equal((true, false), (KubernetesNames.IsDnsLabel(new string('a', 63)), KubernetesNames.IsDnsLabel(new string('a', 64))));

    [Theory]
    [InlineData("web-1.prod", true)]
    [InlineData("web_1", false)]
    [InlineData(".web", false)]
    [InlineData(null, false)]
    public void IsDnsSubdomain_TheApiServersRule(string? name, bool valid) => Assert.Equal(valid, KubernetesNames.IsDnsSubdomain(name));
}
