using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>Objects the tests create.</summary>
public static class TestObjects
{
    public const string VmimPath = "/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstancemigrations";

    public static JsonObject Vmim(string name, string vmi = "vm-1", JsonObject? labels = null) => new()
    {
        ["apiVersion"] = "kubevirt.io/v1",
        ["kind"] = "VirtualMachineInstanceMigration",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels ?? new JsonObject() },
        ["spec"] = new JsonObject { ["vmiName"] = vmi },
    };

    public static JsonObject Lease(string name) => new()
    {
        ["apiVersion"] = "coordination.k8s.io/v1",
        ["kind"] = "Lease",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject { ["holderIdentity"] = "tester" },
    };
}
