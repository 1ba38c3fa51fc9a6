using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Kubectl;

/// <summary>kubectl finds PodDisruptionBudgets by their short name through drain-sim's discovery, and writes them.</summary>
public sealed class KubectlPdbTests(KubectlFixture fixture) : IClassFixture<KubectlFixture>
{
    [Fact]
    public async Task CreateThenGetPdb_ByShortName_ShowsIt()
    {
        var path = Path.Combine(fixture.Directory, "pdb.yaml");
        await File.WriteAllTextAsync(path, """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: quorum
              namespace: default
            spec:
              selector:
                matchLabels: {app: db}
              minAvailable: 2
            """);

        var created = await fixture.Kubectl.SucceedAsync("create", "-f", path);
        var listed = await fixture.Kubectl.SucceedAsync("get", "pdb", "-n", "default", "-o", "name");
        var deleted = await fixture.Kubectl.SucceedAsync("delete", "pdb", "quorum", "-n", "default");

        Assert.Contains("poddisruptionbudget.policy/quorum created", created, StringComparison.Ordinal);
        Assert.Equal("poddisruptionbudget.policy/quorum", listed.Trim());
        Assert.Contains("deleted", deleted, StringComparison.Ordinal);
    }
}
