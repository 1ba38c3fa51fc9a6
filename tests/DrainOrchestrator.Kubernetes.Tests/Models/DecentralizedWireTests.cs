using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.Models;

/// <summary>The decentralized live migration's objects as KubeVirt and CDI spell them.</summary>
public sealed class DecentralizedWireTests
{
    [Fact]
    public void Vmim_SendToAndReceive_UseKubeVirtsFieldNames()
    {
        var vmim = new VirtualMachineInstanceMigration
        {
            Metadata = new ObjectMeta { Name = "m", Namespace = "a" },
            Spec = new VirtualMachineInstanceMigrationSpec
            {
                VmiName = "vm",
                SendTo = new MigrationSendTo { MigrationId = "id-1", ConnectUrl = "10.0.0.1:9185" },
                Receive = new MigrationReceive { MigrationId = "id-2" },
            },
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(vmim, KubernetesJsonContext.Default.VirtualMachineInstanceMigration))!;

        Assert.Equal("id-1", json["spec"]!["sendTo"]!["migrationID"]!.GetValue<string>());
        Assert.Equal("10.0.0.1:9185", json["spec"]!["sendTo"]!["connectURL"]!.GetValue<string>());
        Assert.Equal("id-2", json["spec"]!["receive"]!["migrationID"]!.GetValue<string>());
    }

    [Fact]
    public void DataVolume_Blank_SerializesAnEmptyBlankSourceAndReadsItsSize()
    {
        var dv = new DataVolume
        {
            Metadata = new ObjectMeta { Name = "d", Namespace = "b", Annotations = new() { [DecentralizedMigration.UsePopulatorAnnotation] = "true" } },
            Spec = new DataVolumeSpec
            {
                Source = new DataVolumeSource { Blank = new DataVolumeBlankSource() },
                Storage = new DataVolumeStorage
                {
                    StorageClassName = "standard",
                    Resources = new ResourceRequirements { Requests = new() { ["storage"] = Quantity.Parse("2Gi") } },
                },
            },
        };

        var text = JsonSerializer.Serialize(dv, KubernetesJsonContext.Default.DataVolume);
        var json = JsonNode.Parse(text)!;
        var back = JsonSerializer.Deserialize(text, KubernetesJsonContext.Default.DataVolume)!;

        Assert.Equal("cdi.kubevirt.io/v1beta1", json["apiVersion"]!.GetValue<string>());
        Assert.Equal("{}", json["spec"]!["source"]!["blank"]!.ToJsonString());
        Assert.Equal("2Gi", json["spec"]!["storage"]!["resources"]!["requests"]!["storage"]!.GetValue<string>());
        Assert.Equal(2L * 1024 * 1024 * 1024, back.Spec!.Storage!.RequestedBytes());
    }

    [Fact]
    public void KubeVirt_FeatureGatesAndSynchronizationAddresses_AreRead()
    {
        const string text = """
            {"apiVersion":"kubevirt.io/v1","kind":"KubeVirt","metadata":{"name":"kubevirt","namespace":"kubevirt"},
             "spec":{"configuration":{"developerConfiguration":{"featureGates":["DecentralizedLiveMigration"]}}},
             "status":{"synchronizationAddresses":["10.129.0.9:9185"]}}
            """;

        var kubeVirt = JsonSerializer.Deserialize(text, KubernetesJsonContext.Default.KubeVirt)!;

        Assert.True(DecentralizedReads.HasDecentralizedGate(kubeVirt));
        Assert.Equal(["10.129.0.9:9185"], kubeVirt.Status!.SynchronizationAddresses!);
        Assert.False(DecentralizedReads.HasDecentralizedGate(new KubeVirt()));
    }

    [Fact]
    public void VmTemplate_MacAddressesAndVolumes_AreReadAndOtherFieldsKept()
    {
        const string text = """
            {"apiVersion":"kubevirt.io/v1","kind":"VirtualMachine","metadata":{"name":"vm","namespace":"a"},
             "spec":{"runStrategy":"Always","template":{"spec":{"domain":{"devices":{"disks":[{"name":"root"}],
               "interfaces":[{"name":"default","macAddress":"02:00:00:00:00:01","masquerade":{}}]}},
               "volumes":[{"name":"root","dataVolume":{"name":"vm-root"}},{"name":"data","persistentVolumeClaim":{"claimName":"vm-data"}}]}}}}
            """;

        var vm = JsonSerializer.Deserialize(text, KubernetesJsonContext.Default.VirtualMachine)!;
        var back = JsonNode.Parse(JsonSerializer.Serialize(vm, KubernetesJsonContext.Default.VirtualMachine))!;

        var spec = vm.Spec!.Template!.Spec!;
        Assert.Equal("02:00:00:00:00:01", spec.Domain!.Devices!.Interfaces![0].MacAddress);
        Assert.Equal("vm-root", spec.Volumes![0].DataVolume!.Name);
        Assert.Equal("vm-data", spec.Volumes[1].PersistentVolumeClaim!.ClaimName);
        Assert.Equal("root", back["spec"]!["template"]!["spec"]!["domain"]!["devices"]!["disks"]![0]!["name"]!.GetValue<string>());
    }
}
