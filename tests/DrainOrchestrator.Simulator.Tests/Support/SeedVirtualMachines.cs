using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>Builders of a running VM: the VirtualMachine, its VirtualMachineInstance and its virt-launcher pod.</summary>
public static class SeedVirtualMachines
{
    /// <summary>A VirtualMachine with run strategy Always.</summary>
    public static JsonObject VirtualMachine(string ns, string name, string memory) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachine",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["runStrategy"] = "Always",
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["kubevirt.io/vm"] = name } },
                ["spec"] = Domain(memory),
            },
        },
        ["status"] = new JsonObject { ["printableStatus"] = "Running", ["ready"] = true, ["created"] = true },
    };

    /// <summary>A Running, live-migratable VMI on a node, labelled <c>kubevirt.io/nodeName</c> as KubeVirt does.</summary>
    public static JsonObject Instance(string ns, string name, string node, string memory, string vmUid) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachineInstance",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["labels"] = new JsonObject { ["kubevirt.io/nodeName"] = node, ["kubevirt.io/vm"] = name },
            ["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "kubevirt.io/v1",
                ["kind"] = "VirtualMachine",
                ["name"] = name,
                ["uid"] = vmUid,
                ["controller"] = true,
                ["blockOwnerDeletion"] = true,
            }),
        },
        ["spec"] = Domain(memory),
        ["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["nodeName"] = node,
            ["migrationMethod"] = "LiveMigration",
            ["qosClass"] = "Burstable",
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "Ready", ["status"] = "True" },
                new JsonObject { ["type"] = "LiveMigratable", ["status"] = "True" }),
        },
    };

    /// <summary>The virt-launcher pod of a VMI on a node.</summary>
    public static JsonObject LauncherPod(string ns, string vmiName, string vmiUid, string node, string suffix) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = $"virt-launcher-{vmiName}-{suffix}",
            ["namespace"] = ns,
            ["labels"] = new JsonObject
            {
                ["kubevirt.io"] = "virt-launcher",
                ["kubevirt.io/created-by"] = vmiUid,
                ["vm.kubevirt.io/name"] = vmiName,
            },
        },
        ["spec"] = new JsonObject
        {
            ["nodeName"] = node,
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "compute", ["image"] = "quay.io/kubevirt/virt-launcher:v1.5.0" }),
        },
        ["status"] = new JsonObject { ["phase"] = "Running" },
    };

    private static JsonObject Domain(string memory) => new()
    {
        ["evictionStrategy"] = "LiveMigrate",
        ["domain"] = new JsonObject
        {
            ["cpu"] = new JsonObject { ["cores"] = 2 },
            ["memory"] = new JsonObject { ["guest"] = memory },
            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["memory"] = memory } },
            ["devices"] = new JsonObject(),
        },
    };
}
