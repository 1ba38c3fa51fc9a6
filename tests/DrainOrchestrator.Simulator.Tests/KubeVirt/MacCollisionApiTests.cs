using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

/// <summary>
/// A decentralized move whose receiver declares a MAC address a running VMI of the target already uses: the receiving
/// pod fails to start and both VMIMs fail, the reason naming the MAC; the source keeps running.
/// </summary>
public sealed class MacCollisionApiTests(DecentralizedFixture fixture) : IClassFixture<DecentralizedFixture>
{
    private const string Mac = "02:00:00:00:00:03";

    [Fact]
    public async Task Move_ReceiverMacInUseInTheTarget_BothVmimsFailNamingTheMac()
    {
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SetFeatureGatesAsync("DecentralizedLiveMigration")).Code);
        var (_, squatter) = await client.GetJsonAsync($"{DecentralizedApi.Vmis("target")}/squatter");
        Assert.Equal(Mac, squatter["status"]!["interfaces"]![0]!["mac"]!.GetValue<string>());
        Assert.Equal(Mac, squatter["spec"]!["domain"]!["devices"]!["interfaces"]![0]!["macAddress"]!.GetValue<string>());

        await client.CreateAsync(DecentralizedApi.DataVolumes("target"), DecentralizedApi.BlankDataVolume("target", "app-3-root", "1Gi"));
        await client.CreateAsync(DecentralizedApi.Vms("target"), DecentralizedApi.ReceiverVm("target", "app-3", "1Gi", "app-3-root", Mac));
        await client.CreateAsync(DecentralizedApi.Vmims("target"), DecentralizedApi.ReceiverVmim("target", "app-3-in", "app-3", "move-app-3"));
        await client.CreateAsync(DecentralizedApi.Vmims("source"),
            DecentralizedApi.SourceVmim("source", "app-3-out", "app-3", "move-app-3", "10.129.0.9:9185"));

        await Eventually.UntilAsync(async () =>
        {
            var (_, sent) = await client.GetJsonAsync($"{DecentralizedApi.Vmims("source")}/app-3-out");
            var (_, received) = await client.GetJsonAsync($"{DecentralizedApi.Vmims("target")}/app-3-in");
            return sent.Phase() == "Failed" && received.Phase() == "Failed";
        }, "both VMIMs to fail");

        var truth = await client.GroundTruthAsync();
        foreach (var vmim in new[] { "app-3-out", "app-3-in" })
        {
            var reason = truth.Truth(vmim)["failureReason"]!.GetValue<string>();
            Assert.Contains($"MAC address {Mac} of VMI target/app-3 is already in use by the running VMI target/squatter", reason,
                StringComparison.Ordinal);
        }

        var (_, source) = await client.GetJsonAsync($"{DecentralizedApi.Vmis("source")}/app-3");
        Assert.Equal("Running", source.Phase());
        var (_, receiver) = await client.GetJsonAsync($"{DecentralizedApi.Vms("target")}/app-3");
        Assert.Equal("WaitingForReceiver", receiver["status"]!["printableStatus"]!.GetValue<string>());
        Assert.Single(truth["virtualMachines"]!.AsArray(), v => Name(v) == "app-3" && v!["running"]!.GetValue<bool>());
    }

    private static string Name(JsonNode? vm) => vm!["name"]!.GetValue<string>();
}
