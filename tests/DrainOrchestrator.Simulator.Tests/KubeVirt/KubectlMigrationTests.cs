using DrainOrchestrator.Simulator.Tests.Kubectl;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

/// <summary>The operator's flows with the real kubectl against the simulated KubeVirt cluster.</summary>
public sealed class KubectlMigrationTests(BridgeFixture fixture) : IClassFixture<BridgeFixture>
{
    [Fact]
    public async Task CreateFile_Vmim_MigratesTheVmiAndItsPod()
    {
        var kubectl = fixture.Kubectl;
        await kubectl.SucceedAsync("create", "-f", await WriteAsync("move-solo-4", "solo-4"));

        await Eventually.UntilAsync(async () =>
            await kubectl.SucceedAsync("get", "vmim", "move-solo-4", "-o", "jsonpath={.status.phase}") is "Succeeded" or "Failed",
            "the migration to finish");

        Assert.Equal("Succeeded", await kubectl.SucceedAsync("get", "vmim", "move-solo-4", "-o", "jsonpath={.status.phase}"));
        var node = await kubectl.SucceedAsync("get", "vmi", "solo-4", "-o", "jsonpath={.status.nodeName}");
        var label = await kubectl.SucceedAsync("get", "vmi", "solo-4", "-o", "jsonpath={.metadata.labels.kubevirt\\.io/nodeName}");
        var pods = await kubectl.SucceedAsync("get", "pods", "-l", "vm.kubevirt.io/name=solo-4", "-o", "jsonpath={.items[*].spec.nodeName}");
        Assert.NotEqual("node-1", node);
        Assert.Equal(node, label);
        Assert.Equal(node, pods.Trim());
    }

    [Fact]
    public async Task Cordon_Nodes_PlacementAvoidsThem()
    {
        var kubectl = fixture.Kubectl;
        await kubectl.SucceedAsync("cordon", "node-3");
        await kubectl.SucceedAsync("cordon", "node-4");
        try
        {
            await kubectl.SucceedAsync("create", "-f", await WriteAsync("avoid-cordoned", "solo-5"));
            await Eventually.UntilAsync(async () =>
                await kubectl.SucceedAsync("get", "vmim", "avoid-cordoned", "-o", "jsonpath={.status.phase}") is "Succeeded" or "Failed",
                "the migration to finish");

            var target = await kubectl.SucceedAsync("get", "vmim", "avoid-cordoned", "-o", "jsonpath={.status.migrationState.targetNode}");
            Assert.Equal("node-2", target);
        }
        finally
        {
            await kubectl.SucceedAsync("uncordon", "node-3");
            await kubectl.SucceedAsync("uncordon", "node-4");
        }
    }

    [Fact]
    public async Task CreateFile_SecondVmimForTheSameVmi_PrintsKubeVirtsDenial()
    {
        var kubectl = fixture.Kubectl;
        await kubectl.SucceedAsync("create", "-f", await WriteAsync("busy-first", "busy-1"));

        var (code, _, error) = await kubectl.RunAsync("create", "-f", await WriteAsync("busy-second", "busy-1"));

        Assert.NotEqual(0, code);
        Assert.Contains("in-flight migration detected", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNodesAndVmis_AllNamespaces_ListsTheScenario()
    {
        var output = await fixture.Kubectl.SucceedAsync("get", "nodes,vmis", "-A", "-o", "name");

        Assert.Contains("node/node-4", output, StringComparison.Ordinal);
        Assert.Contains("virtualmachineinstance.kubevirt.io/fleet-20", output, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string name, string vmi)
    {
        var path = Path.Combine(fixture.Directory, name + ".yaml");
        await File.WriteAllTextAsync(path, KubectlManifests.Vmim(name, vmi));
        return path;
    }
}
