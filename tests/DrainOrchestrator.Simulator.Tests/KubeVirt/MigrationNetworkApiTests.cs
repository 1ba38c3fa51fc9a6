using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

/// <summary>The dedicated migration network over HTTPS: the NAD and the KubeVirt CR as kubectl sees them, and the target addresses.</summary>
public sealed class MigrationNetworkApiTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    [Fact]
    public async Task KubectlGet_NetworkAttachmentDefinitions_ListsTheMigrationNetworkByItsShortName()
    {
        var output = await fixture.Kubectl.SucceedAsync("get", "net-attach-def", "-n", "kubevirt");

        Assert.Contains("migration-net", output, StringComparison.Ordinal);
        var config = await fixture.Kubectl.SucceedAsync("get", "network-attachment-definitions.k8s.cni.cncf.io", "migration-net",
            "-n", "kubevirt", "-o", "jsonpath={.spec.config}");
        Assert.Contains("fd00:50::/64", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubectlGet_KubeVirt_ShowsTheMigrationNetwork()
    {
        var output = await fixture.Kubectl.SucceedAsync("get", "kubevirt", "-A", "-o", "jsonpath={.items[0].spec.configuration.migrations.network}");

        Assert.Equal("migration-net", output);
    }

    [Fact]
    public async Task Migrate_ToANodeWithTheNic_TargetAddressInTheRange_ToOneWithout_OnThePodNetwork()
    {
        using var client = fixture.CreateClient();
        var toTwo = new JsonObject { ["kubernetes.io/hostname"] = "node-2" };
        var toThree = new JsonObject { ["kubernetes.io/hostname"] = "node-3" };

        Assert.Equal(HttpStatusCode.Created, (await client.CreateVmimAsync("net-two", "to-two", toTwo)).Code);
        Assert.Equal(HttpStatusCode.Created, (await client.CreateVmimAsync("net-three", "to-three", toThree)).Code);
        await client.WaitForPhaseAsync("net-two", "Succeeded", "Failed");
        await client.WaitForPhaseAsync("net-three", "Succeeded", "Failed");

        Assert.Equal("fd00:50::2", TargetAddress(await client.GetVmiAsync("to-two")));
        Assert.Equal("10.128.0.2", TargetAddress(await client.GetVmiAsync("to-three")));
    }

    [Fact]
    public async Task CreateNetworkAttachmentDefinition_ThroughTheApi_IsStoredAsWritten()
    {
        using var client = fixture.CreateClient();
        var nad = new JsonObject
        {
            ["apiVersion"] = "k8s.cni.cncf.io/v1",
            ["kind"] = "NetworkAttachmentDefinition",
            ["metadata"] = new JsonObject { ["name"] = "broken", ["namespace"] = "kubevirt" },
            ["spec"] = new JsonObject { ["config"] = "{not json" },
        };

        var (code, _) = await client.SendJsonAsync(HttpMethod.Post, "/apis/k8s.cni.cncf.io/v1/namespaces/kubevirt/network-attachment-definitions", nad);

        Assert.Equal(HttpStatusCode.Created, code);
        var stored = await fixture.Kubectl.SucceedAsync("get", "net-attach-def", "broken", "-n", "kubevirt", "-o", "jsonpath={.spec.config}");
        Assert.Equal("{not json", stored);
    }

    private static string TargetAddress(JsonObject vmi) => vmi["status"]!["migrationState"]!["targetNodeAddress"]!.GetValue<string>();
}
