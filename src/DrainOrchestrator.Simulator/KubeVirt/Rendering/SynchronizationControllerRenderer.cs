using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>
/// KubeVirt's synchronization controller as objects: the Lease <c>virt-synchronization-controller</c> in namespace
/// kubevirt, held by a running Pod whose IP, with port 9185, is the address a sender's <c>connectURL</c> names.
/// </summary>
internal static class SynchronizationControllerRenderer
{
    public static JsonObject Lease(DateTimeOffset at) => new()
    {
        ["apiVersion"] = "coordination.k8s.io/v1",
        ["kind"] = "Lease",
        ["metadata"] = new JsonObject
        {
            ["name"] = SynchronizationController.LeaseName,
            ["namespace"] = SynchronizationController.Namespace,
        },
        ["spec"] = new JsonObject
        {
            ["holderIdentity"] = SynchronizationController.PodName,
            ["leaseDurationSeconds"] = 137,
            ["acquireTime"] = WireTime(at),
            ["renewTime"] = WireTime(at),
        },
    };

    public static JsonObject Pod(DateTimeOffset at, string podIp) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = SynchronizationController.PodName,
            ["namespace"] = SynchronizationController.Namespace,
            ["labels"] = new JsonObject { ["kubevirt.io"] = "virt-synchronization-controller" },
        },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "virt-synchronization-controller",
                ["image"] = "quay.io/kubevirt/virt-synchronization-controller:v1.7.0",
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "sync", ["containerPort"] = SynchronizationController.Port }),
            }),
        },
        ["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["podIP"] = podIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = podIp }),
            ["startTime"] = WireTime(at),
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
            ["containerStatuses"] = new JsonArray(new JsonObject
            {
                ["name"] = "virt-synchronization-controller",
                ["ready"] = true,
                ["started"] = true,
                ["restartCount"] = 0,
                ["image"] = "quay.io/kubevirt/virt-synchronization-controller:v1.7.0",
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = WireTime(at) } },
            }),
        },
    };

    /// <summary>What <c>status.synchronizationAddresses</c> lists, on the KubeVirt CR and on decentralized VMIMs.</summary>
    public static JsonArray Addresses(string address) => new(address);

    private static string WireTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
