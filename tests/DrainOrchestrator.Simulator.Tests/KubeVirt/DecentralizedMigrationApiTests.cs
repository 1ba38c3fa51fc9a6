using System.Net;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

/// <summary>A decentralized move from namespace source to namespace target over HTTPS, as an orchestrator makes it.</summary>
public sealed class DecentralizedMigrationApiTests(DecentralizedFixture fixture) : IClassFixture<DecentralizedFixture>
{
    [Fact]
    public async Task WithoutTheFeatureGate_SendToAndReceiveAreRefused()
    {
        using var client = fixture.CreateClient();
        await client.SetFeatureGatesAsync();

        var (code, status) = await client.SendJsonAsync(HttpMethod.Post, DecentralizedApi.Vmims("source"),
            DecentralizedApi.SourceVmim("source", "refused-out", "app-3", "refused", "10.129.0.9:9185"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains("DecentralizedLiveMigration", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var (missing, _) = await client.GetJsonAsync($"{DecentralizedApi.Vmims("source")}/refused-out");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task FullSequence_MovesTheVmToTheTargetNamespace()
    {
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SetFeatureGatesAsync("DecentralizedLiveMigration")).Code);

        // 1. the blank DataVolume becomes a bound PVC
        await client.CreateAsync(DecentralizedApi.DataVolumes("target"), DecentralizedApi.BlankDataVolume("target", "app-1-root", "2Gi"));
        var dv = await Eventually.UntilAsync(async () =>
        {
            var (_, body) = await client.GetJsonAsync($"{DecentralizedApi.DataVolumes("target")}/app-1-root");
            return body.Phase() == "Succeeded" ? body : null;
        }, "the DataVolume to succeed");
        Assert.Equal("100.0%", dv["status"]!["progress"]!.GetValue<string>());
        var (_, pvc) = await client.GetJsonAsync($"{DecentralizedApi.Pvcs("target")}/app-1-root");
        Assert.Equal("Bound", pvc.Phase());
        Assert.Equal("standard", pvc["spec"]!["storageClassName"]!.GetValue<string>());

        // 2. the receiver VM waits
        await client.CreateAsync(DecentralizedApi.Vms("target"), DecentralizedApi.ReceiverVm("target", "app-1", "1Gi", "app-1-root"));
        await Eventually.UntilAsync(async () =>
        {
            var (_, vm) = await client.GetJsonAsync($"{DecentralizedApi.Vms("target")}/app-1");
            var (_, vmi) = await client.GetJsonAsync($"{DecentralizedApi.Vmis("target")}/app-1");
            return vm["status"]?["printableStatus"]?.GetValue<string>() == "WaitingForReceiver" && vmi.Phase() == "WaitingForSync";
        }, "the receiver VM to wait for the sender");
        // The source's eviction strategy, carried in the template, is the received guest's: it drains as before.
        var (_, waiting) = await client.GetJsonAsync($"{DecentralizedApi.Vmis("target")}/app-1");
        Assert.Equal("LiveMigrate", waiting["spec"]?["evictionStrategy"]?.GetValue<string>());

        // 3. the receiver VMIM; 4. the synchronization address, from the controller's Lease holder Pod
        await client.CreateAsync(DecentralizedApi.Vmims("target"), DecentralizedApi.ReceiverVmim("target", "app-1-in", "app-1", "move-app-1"));
        var (_, lease) = await client.GetJsonAsync("/apis/coordination.k8s.io/v1/namespaces/kubevirt/leases/virt-synchronization-controller");
        var holder = lease["spec"]!["holderIdentity"]!.GetValue<string>();
        var (_, pod) = await client.GetJsonAsync($"/api/v1/namespaces/kubevirt/pods/{holder}");
        var connectUrl = pod["status"]!["podIP"]!.GetValue<string>() + ":9185";
        var (_, kubevirt) = await client.GetJsonAsync(DecentralizedApi.KubeVirtCr);
        Assert.Equal(connectUrl, kubevirt["status"]!["synchronizationAddresses"]![0]!.GetValue<string>());

        // 5. the source VMIM
        await client.CreateAsync(DecentralizedApi.Vmims("source"),
            DecentralizedApi.SourceVmim("source", "app-1-out", "app-1", "move-app-1", connectUrl));

        // 6. both to Succeeded
        var phasesSeen = new HashSet<string>(StringComparer.Ordinal);
        await Eventually.UntilAsync(async () =>
        {
            var (_, vm) = await client.GetJsonAsync($"{DecentralizedApi.Vms("target")}/app-1");
            phasesSeen.Add(vm["status"]?["printableStatus"]?.GetValue<string>() ?? "");
            var (_, sent) = await client.GetJsonAsync($"{DecentralizedApi.Vmims("source")}/app-1-out");
            var (_, received) = await client.GetJsonAsync($"{DecentralizedApi.Vmims("target")}/app-1-in");
            return sent.Phase() == "Succeeded" && received.Phase() == "Succeeded";
        }, "both VMIMs to succeed");

        var (_, receiverVmim) = await client.GetJsonAsync($"{DecentralizedApi.Vmims("target")}/app-1-in");
        var transitions = receiverVmim["status"]!["phaseTransitionTimestamps"]!.AsArray().Select(t => t!["phase"]!.GetValue<string>());
        Assert.Equal(["WaitingForSync", "Synchronizing", "Running", "Succeeded"], transitions);
        Assert.Equal(connectUrl, receiverVmim["status"]!["synchronizationAddresses"]![0]!.GetValue<string>());

        var movedVm = await Eventually.UntilAsync(async () =>
        {
            var (_, vm) = await client.GetJsonAsync($"{DecentralizedApi.Vms("target")}/app-1");
            return vm["status"]?["printableStatus"]?.GetValue<string>() == "Running" ? vm : null;
        }, "the receiver VM to run");
        Assert.Equal("Always", movedVm["spec"]!["runStrategy"]!.GetValue<string>());
        var (_, movedVmi) = await client.GetJsonAsync($"{DecentralizedApi.Vmis("target")}/app-1");
        Assert.Equal("Running", movedVmi.Phase());
        Assert.NotEqual("node-1", movedVmi["status"]!["nodeName"]!.GetValue<string>());

        var (gone, _) = await client.GetJsonAsync($"{DecentralizedApi.Vmis("source")}/app-1");
        Assert.Equal(HttpStatusCode.NotFound, gone);
        var (_, stopped) = await client.GetJsonAsync($"{DecentralizedApi.Vms("source")}/app-1");
        Assert.Equal("Halted", stopped["spec"]!["runStrategy"]!.GetValue<string>());
        Assert.Equal("Stopped", stopped["status"]!["printableStatus"]!.GetValue<string>());

        var truth = await client.GroundTruthAsync();
        var copies = truth["virtualMachines"]!.AsArray().Where(v => v!["name"]!.GetValue<string>() == "app-1").ToList();
        Assert.Single(copies, v => v!["running"]!.GetValue<bool>());
        Assert.Equal("target", copies.Single(v => v!["running"]!.GetValue<bool>())!["namespace"]!.GetValue<string>());
    }

    [Fact]
    public async Task Kubectl_GetsDataVolumesPvcsVmsAndVmims()
    {
        using var client = fixture.CreateClient();
        await client.CreateAsync(DecentralizedApi.DataVolumes("target"), DecentralizedApi.BlankDataVolume("target", "listed-root", "1Gi"));

        var output = await fixture.Kubectl.SucceedAsync("get", "dv,pvc,vm,vmim", "-A");

        Assert.Contains("datavolume.cdi.kubevirt.io/listed-root", output, StringComparison.Ordinal);
        Assert.Contains("persistentvolumeclaim/listed-root", output, StringComparison.Ordinal);
        Assert.Contains("virtualmachine.kubevirt.io/app-2", output, StringComparison.Ordinal);
        var storageClasses = await fixture.Kubectl.SucceedAsync("get", "storageclass", "-o", "name");
        Assert.Contains("storageclass.storage.k8s.io/standard", storageClasses, StringComparison.Ordinal);
    }
}
