using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Kubectl;

public sealed class KubectlReadTests(KubectlFixture fixture) : IClassFixture<KubectlFixture>
{
    [Theory]
    [InlineData("nodes", "node-1")]
    [InlineData("no", "node-3")]
    [InlineData("pods", "virt-launcher-vm-1-")]
    [InlineData("vmis", "vm-1")]
    [InlineData("vmi", "vm-4")]
    [InlineData("vms", "vm-2")]
    [InlineData("migrationpolicies", "batch-post-copy")]
    [InlineData("namespaces", "kube-system")]
    public async Task Get_SeededResource_ListsIt(string resource, string expected)
    {
        var output = await fixture.Kubectl.SucceedAsync("get", resource);

        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_VmimsWhenNone_SaysNoResources()
    {
        var (code, output, error) = await fixture.Kubectl.RunAsync("get", "vmim", "-n", "kube-public");

        Assert.Equal(0, code);
        Assert.Contains("No resources found", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_VmisByNodeLabel_SelectsThatNodesVmis()
    {
        var output = await fixture.Kubectl.SucceedAsync("get", "vmi", "-A", "-l", "kubevirt.io/nodeName=node-2", "-o", "name");

        Assert.Equal(
            ["virtualmachineinstance.kubevirt.io/vm-2", "virtualmachineinstance.kubevirt.io/vm-4"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Get_JsonPath_ReadsStatus()
    {
        var output = await fixture.Kubectl.SucceedAsync("get", "vmi", "vm-3", "-o", "jsonpath={.status.nodeName}");

        Assert.Equal("node-1", output);
    }

    [Fact]
    public async Task Describe_Node_ShowsConditionsAndPods()
    {
        var output = await fixture.Kubectl.SucceedAsync("describe", "node", "node-1");

        Assert.Contains("KubeletReady", output, StringComparison.Ordinal);
        Assert.Contains("virt-launcher-vm-1-", output, StringComparison.Ordinal);
        Assert.DoesNotContain("virt-launcher-vm-2-", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vmi vm-1", "LiveMigratable")]
    [InlineData("pod -l vm.kubevirt.io/name=vm-2", "virt-launcher-vm-2-")]
    [InlineData("migrationpolicy batch-post-copy", "Allow Post Copy")]
    public async Task Describe_Object_PrintsIt(string what, string expected)
    {
        var output = await fixture.Kubectl.SucceedAsync(["describe", .. what.Split(' ')]);

        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_Vmim_PrintsSpec()
    {
        await fixture.Kubectl.SucceedAsync("create", "-f", await WriteAsync("describe-me"));

        var output = await fixture.Kubectl.SucceedAsync("describe", "vmim", "describe-me");

        Assert.Contains("Vmi Name:", output, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string name)
    {
        var path = Path.Combine(fixture.Directory, name + ".yaml");
        await File.WriteAllTextAsync(path, KubectlManifests.Vmim(name, "vm-4"));
        return path;
    }
}
