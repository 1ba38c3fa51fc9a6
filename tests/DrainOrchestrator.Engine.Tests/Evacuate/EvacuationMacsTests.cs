using DrainOrchestrator.Engine.Evacuate;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Evacuate;

public sealed class EvacuationMacsTests
{
    private static DomainSpec Domain(string? mac) => new()
    {
        Devices = new DomainDevices { Interfaces = [new DomainInterface { Name = "default", MacAddress = mac }] },
    };

    private static VirtualMachine Vm(string ns, string name, string? mac) => new()
    {
        Metadata = new ObjectMeta { Namespace = ns, Name = name },
        Spec = new VirtualMachineSpec { Template = new VirtualMachineInstanceTemplateSpec { Spec = new VirtualMachineInstanceSpec { Domain = Domain(mac) } } },
    };

    private static VirtualMachineInstance Vmi(string ns, string name, string? specMac, string? statusMac) => new()
    {
        Metadata = new ObjectMeta { Namespace = ns, Name = name },
        Spec = new VirtualMachineInstanceSpec { Domain = Domain(specMac) },
        Status = new VirtualMachineInstanceStatus { Interfaces = statusMac is null ? null : [new VirtualMachineInstanceNetworkInterface { Mac = statusMac }] },
    };

    [Fact]
    public void TakenIn_VmTemplatesAndVmiSpecAndStatus_EachMacNormalizedWithItsHolder()
    {
        var taken = EvacuationMacs.TakenIn(
            [Vm("a", "vm-1", "02:00:00:00:00:0A"), Vm("a", "no-mac", null)],
            [Vmi("b", "loner", "02-00-00-00-00-0b", null), Vmi("b", "assigned", null, " 02:00:00:00:00:0c ")],
            _ => false);

        Assert.Equal(new Dictionary<string, string>
        {
            ["02:00:00:00:00:0a"] = "a/vm-1",
            ["02:00:00:00:00:0b"] = "b/loner",
            ["02:00:00:00:00:0c"] = "b/assigned",
        }, taken);
    }

    [Fact]
    public void TakenIn_AVmAndItsVmiWithTheSameMac_TheVmHoldsIt()
    {
        var taken = EvacuationMacs.TakenIn([Vm("a", "web", "02:00:00:00:00:01")], [Vmi("a", "web", "02:00:00:00:00:01", "02:00:00:00:00:01")], _ => false);

        Assert.Equal("a/web", Assert.Single(taken).Value);
    }

    [Fact]
    public void TakenIn_ExcludedHolders_AreSkippedAsVmAndAsVmi()
    {
        var taken = EvacuationMacs.TakenIn(
            [Vm("apps", "moving", "02:00:00:00:00:01"), Vm("apps", "staying", "02:00:00:00:00:02")],
            [Vmi("apps", "moving", null, "02:00:00:00:00:01")],
            m => m.Name == "moving");

        Assert.Equal(["02:00:00:00:00:02"], taken.Keys);
    }
}
