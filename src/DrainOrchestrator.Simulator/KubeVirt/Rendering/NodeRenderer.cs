using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>
/// A model node as a core/v1 Node: its labels, the taints the scenario and clients set plus the ones the node lifecycle
/// controller adds (cordoned, NotReady), memory capacity, the kubelet's conditions and version. While the upgrader has the
/// node down, Ready is False (KubeletNotReady) with a message naming the upgrade; the boot id follows the kubelet version.
/// </summary>
internal static class NodeRenderer
{
    /// <summary>
    /// The parts of a stored node the model owns; the rest (annotations, other spec fields) is the client's. Of the
    /// conditions it owns the kubelet's types only: others that clients set on nodes/NAME/status (DrainInProgress,
    /// Drained) stay.
    /// </summary>
    public static IReadOnlyList<string[]> OwnedPaths { get; } =
    [
        ["metadata", "labels"], ["spec", "unschedulable"], ["spec", "taints"], ["status", "capacity"], ["status", "allocatable"],
        ["status", "addresses"], ["status", "nodeInfo"], ["status", "conditions", Sync.ObjectOverlay.ByType],
    ];

    /// <summary>The owned paths of <paramref name="node"/>: <see cref="OwnedPaths"/> and the annotation keys the model publishes.</summary>
    public static IReadOnlyList<string[]> OwnedPathsOf(NodeSnapshot node) => ModelAnnotations.Owned(OwnedPaths, node.Annotations);

    /// <summary>Taints the simulator adds from the node's state; stripped from client taints before they reach the model.</summary>
    public static bool IsManagedTaint(string? key) => key is KubeVirtNames.UnschedulableTaint or KubeVirtNames.NotReadyTaint;

    public static Node Render(NodeSnapshot node, RenderContext context, DateTimeOffset at)
    {
        var readySince = context.ReadySince(node.Name, node.Ready, at);
        var started = context.StartedAt;
        var memory = WireConversions.Bytes(node.MemoryBytes);
        var resources = new Dictionary<string, Quantity>(StringComparer.Ordinal)
        {
            ["cpu"] = Quantity.Parse("64"),
            ["memory"] = memory,
            ["pods"] = Quantity.Parse("250"),
        };
        return new Node
        {
            Metadata = new ObjectMeta
            {
                Name = node.Name,
                Labels = WireConversions.Labels(node.Labels),
                Annotations = ModelAnnotations.Render(node.Annotations),
                CreationTimestamp = started,
            },
            Spec = new NodeSpec { Unschedulable = node.Unschedulable ? true : null, Taints = Taints(node) },
            Status = new NodeStatus
            {
                Capacity = resources,
                Allocatable = new Dictionary<string, Quantity>(resources, StringComparer.Ordinal),
                Conditions =
                [
                    Pressure("MemoryPressure", "KubeletHasSufficientMemory", started),
                    Pressure("DiskPressure", "KubeletHasNoDiskPressure", started),
                    Pressure("PIDPressure", "KubeletHasSufficientPID", started),
                    new NodeCondition
                    {
                        Type = "Ready",
                        Status = node.Ready ? "True" : "False",
                        Reason = node.Ready ? "KubeletReady" : "KubeletNotReady",
                        Message = node.Ready ? "kubelet is posting ready status" : node.NotReadyMessage ?? "container runtime is down (simulated fault)",
                        LastHeartbeatTime = readySince,
                        LastTransitionTime = readySince,
                    },
                ],
                Addresses =
                [
                    new NodeAddress { Type = "InternalIP", Address = context.NodeAddress(node.Name) },
                    new NodeAddress { Type = "Hostname", Address = node.Name },
                ],
                NodeInfo = new NodeSystemInfo
                {
                    KubeletVersion = node.KubeletVersion,
                    KubeProxyVersion = node.KubeletVersion,
                    OperatingSystem = "linux",
                    Architecture = "amd64",
                    OsImage = "drain-sim",
                    KernelVersion = "6.1.0",
                    ContainerRuntimeVersion = "cri-o://1.32.0",
                    MachineId = node.Name,
                    SystemUuid = node.Name,
                    BootId = $"{node.Name}-{node.KubeletVersion}",
                },
            },
        };
    }

    private static List<Taint>? Taints(NodeSnapshot node)
    {
        var taints = node.Taints.Select(WireConversions.Taint).ToList();
        if (node.Unschedulable)
        {
            taints.Add(new Taint { Key = KubeVirtNames.UnschedulableTaint, Effect = "NoSchedule" });
        }

        if (!node.Ready)
        {
            taints.Add(new Taint { Key = KubeVirtNames.NotReadyTaint, Effect = "NoSchedule" });
        }

        return taints.Count == 0 ? null : taints;
    }

    private static NodeCondition Pressure(string type, string reason, DateTimeOffset since) => new()
    {
        Type = type,
        Status = "False",
        Reason = reason,
        LastHeartbeatTime = since,
        LastTransitionTime = since,
    };
}
