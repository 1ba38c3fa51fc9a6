using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

/// <summary>
/// A cluster-to-cluster decentralized move over HTTPS, as an orchestrator with two kubeconfigs makes it: the receiver
/// objects in west (its own port), the connectURL from west's synchronization controller, the sender in east.
/// </summary>
public sealed class CrossClusterMigrationApiTests(TwoClustersFixture clusters) : IClassFixture<TwoClustersFixture>
{
    private const string Ns = "apps";

    [Fact]
    public async Task Move_EastToWest_BothVmimsWatchedToSucceeded_AndTheVmRunsOnceInWest()
    {
        using var east = clusters.East.CreateClient();
        using var west = clusters.West.CreateClient();
        Assert.NotEqual(clusters.East.Server.Url, clusters.West.Server.Url);
        await east.SetFeatureGatesAsync("DecentralizedLiveMigration");
        await west.SetFeatureGatesAsync("DecentralizedLiveMigration");

        await west.CreateAsync(DecentralizedApi.DataVolumes(Ns), DecentralizedApi.BlankDataVolume(Ns, "app-1-root", "1Gi"));
        await west.CreateAsync(DecentralizedApi.Vms(Ns), DecentralizedApi.ReceiverVm(Ns, "app-1", "1Gi", "app-1-root", "02:00:00:00:0e:01"));
        await west.CreateAsync(DecentralizedApi.Vmims(Ns), DecentralizedApi.ReceiverVmim(Ns, "app-1-in", "app-1", "move-app-1"));
        var connectUrl = await SynchronizationAddressAsync(west);
        Assert.NotEqual(connectUrl, await SynchronizationAddressAsync(east));
        var (_, kubevirt) = await west.GetJsonAsync(DecentralizedApi.KubeVirtCr);
        Assert.Equal(connectUrl, kubevirt["status"]!["synchronizationAddresses"]![0]!.GetValue<string>());

        using var receiverWatch = await WatchStream.OpenAsync(west, $"{DecentralizedApi.Vmims(Ns)}?watch=1&fieldSelector=metadata.name%3Dapp-1-in");
        using var senderWatch = await WatchStream.OpenAsync(east, $"{DecentralizedApi.Vmims(Ns)}?watch=1&fieldSelector=metadata.name%3Dapp-1-out");
        await east.CreateAsync(DecentralizedApi.Vmims(Ns), DecentralizedApi.SourceVmim(Ns, "app-1-out", "app-1", "move-app-1", connectUrl));
        var phases = await Task.WhenAll(WatchToEndAsync(senderWatch), WatchToEndAsync(receiverWatch));

        string[] expected = ["WaitingForSync", "Synchronizing", "Running", "Succeeded"];
        Assert.Equal(expected, phases[0]);
        Assert.Equal(expected, phases[1]);
        var (_, moved) = await west.GetJsonAsync($"{DecentralizedApi.Vmis(Ns)}/app-1");
        Assert.Equal("Running", moved.Phase());
        Assert.StartsWith("west-", moved["status"]!["nodeName"]!.GetValue<string>(), StringComparison.Ordinal);
        var (gone, _) = await east.GetJsonAsync($"{DecentralizedApi.Vmis(Ns)}/app-1");
        Assert.Equal(HttpStatusCode.NotFound, gone);

        var eastTruth = await east.GroundTruthAsync();
        var westTruth = await west.GroundTruthAsync();
        var copies = eastTruth["virtualMachines"]!.AsArray().Concat(westTruth["virtualMachines"]!.AsArray())
            .Where(v => v!["name"]!.GetValue<string>() == "app-1").ToList();
        var running = Assert.Single(copies, v => v!["running"]!.GetValue<bool>());
        Assert.Equal(("west", Ns), (running!["cluster"]!.GetValue<string>(), running["namespace"]!.GetValue<string>()));
        Assert.Equal("east", copies.Single(v => !v!["running"]!.GetValue<bool>())!["cluster"]!.GetValue<string>());
        Assert.Empty(westTruth["limitViolations"]!.AsArray());
        Assert.Empty(eastTruth["limitViolations"]!.AsArray());
        Assert.Equal(1, westTruth["peakInFlight"]!.GetValue<int>());
    }

    [Fact]
    public async Task Move_ReceiverMacUsedInWest_BothVmimsFailNamingTheMac()
    {
        using var east = clusters.East.CreateClient();
        using var west = clusters.West.CreateClient();
        await east.SetFeatureGatesAsync("DecentralizedLiveMigration");
        await west.SetFeatureGatesAsync("DecentralizedLiveMigration");

        await west.CreateAsync(DecentralizedApi.DataVolumes(Ns), DecentralizedApi.BlankDataVolume(Ns, "app-3-root", "1Gi"));
        await west.CreateAsync(DecentralizedApi.Vms(Ns), DecentralizedApi.ReceiverVm(Ns, "app-3", "1Gi", "app-3-root", "02:00:00:00:0e:03"));
        await west.CreateAsync(DecentralizedApi.Vmims(Ns), DecentralizedApi.ReceiverVmim(Ns, "app-3-in", "app-3", "move-app-3"));
        await east.CreateAsync(DecentralizedApi.Vmims(Ns),
            DecentralizedApi.SourceVmim(Ns, "app-3-out", "app-3", "move-app-3", await SynchronizationAddressAsync(west)));

        await Eventually.UntilAsync(async () =>
            (await east.GetJsonAsync($"{DecentralizedApi.Vmims(Ns)}/app-3-out")).Body.Phase() == "Failed"
            && (await west.GetJsonAsync($"{DecentralizedApi.Vmims(Ns)}/app-3-in")).Body.Phase() == "Failed", "both VMIMs to fail");

        var reason = (await east.GroundTruthAsync()).Truth("app-3-out")["failureReason"]!.GetValue<string>();
        Assert.Contains("MAC address 02:00:00:00:0e:03 of VMI apps/app-3 is already in use by the running VMI apps/squatter", reason,
            StringComparison.Ordinal);
        Assert.Equal(reason, (await west.GroundTruthAsync()).Truth("app-3-in")["failureReason"]!.GetValue<string>());
        Assert.Equal("Running", (await east.GetJsonAsync($"{DecentralizedApi.Vmis(Ns)}/app-3")).Body.Phase());
    }

    [Fact]
    public async Task KubectlGetDvPvc_AgainstEachPort_PrintsCdiColumnsOfThatCluster()
    {
        using var east = clusters.East.CreateClient();
        using var west = clusters.West.CreateClient();
        await east.CreateAsync(DecentralizedApi.DataVolumes(Ns), DecentralizedApi.BlankDataVolume(Ns, "only-in-east", "2Gi"));
        await west.CreateAsync(DecentralizedApi.DataVolumes(Ns), DecentralizedApi.BlankDataVolume(Ns, "only-in-west", "3Gi"));

        var eastOutput = await clusters.East.Kubectl.SucceedAsync("get", "dv,pvc", "-A");
        var westOutput = await clusters.West.Kubectl.SucceedAsync("get", "dv,pvc", "-A");

        foreach (var (output, mine, other, size) in new[] { (eastOutput, "only-in-east", "only-in-west", "2Gi"), (westOutput, "only-in-west", "only-in-east", "3Gi") })
        {
            Assert.Matches(@"NAMESPACE\s+NAME\s+PHASE\s+PROGRESS\s+RESTARTS\s+AGE", output);
            Assert.Matches(@"NAMESPACE\s+NAME\s+STATUS\s+VOLUME\s+CAPACITY\s+ACCESS MODES\s+STORAGECLASS\s+VOLUMEATTRIBUTESCLASS\s+AGE", output);
            Assert.Matches($@"apps\s+datavolume.cdi.kubevirt.io/{mine}\s+Succeeded\s+100.0%", output);
            Assert.Matches($@"apps\s+persistentvolumeclaim/{mine}\s+Bound\s+pvc-\S+\s+{size}\s+RWO\s+standard\s+<unset>", output);
            Assert.DoesNotContain(other, output, StringComparison.Ordinal);
        }
    }

    /// <summary>As the docs do: the Lease's holder Pod's IP and port 9185.</summary>
    private static async Task<string> SynchronizationAddressAsync(HttpClient client)
    {
        var (_, lease) = await client.GetJsonAsync("/apis/coordination.k8s.io/v1/namespaces/kubevirt/leases/virt-synchronization-controller");
        var (_, pod) = await client.GetJsonAsync($"/api/v1/namespaces/kubevirt/pods/{lease["spec"]!["holderIdentity"]!.GetValue<string>()}");
        return pod["status"]!["podIP"]!.GetValue<string>() + ":9185";
    }

    /// <summary>The distinct phases a watched VMIM goes through, until it ends (bookmarks skipped).</summary>
    private static async Task<List<string>> WatchToEndAsync(WatchStream watch)
    {
        var phases = new List<string>();
        while (await watch.NextAsync(TimeSpan.FromSeconds(30)) is { } change)
        {
            if (change["type"]!.GetValue<string>() == "BOOKMARK" || change["object"]?["status"]?["phase"] is not JsonValue value)
            {
                continue;
            }

            var phase = value.GetValue<string>();
            if (phases.Count == 0 || phases[^1] != phase)
            {
                phases.Add(phase);
            }

            if (phase is "Succeeded" or "Failed")
            {
                break;
            }
        }

        return phases;
    }
}
