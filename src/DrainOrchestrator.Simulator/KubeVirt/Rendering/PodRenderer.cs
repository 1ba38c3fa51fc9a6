using System.Globalization;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>
/// A model virt-launcher pod as core/v1 Pod: KubeVirt's launcher labels (plus the VMIM uid on a migration target),
/// owned by its VMI, requesting the guest's memory, bound by <c>spec.nodeName</c>, with PodScheduled and Ready conditions
/// (an unschedulable target shows <c>PodScheduled=False</c>, reason <c>Unschedulable</c>).
/// </summary>
internal static class PodRenderer
{
    /// <summary>The parts of a stored pod the model owns.</summary>
    public static IReadOnlyList<string[]> OwnedPaths { get; } = [["spec", "nodeName"], ["status"]];

    private static readonly string LauncherImage = $"quay.io/kubevirt/virt-launcher:{KubeVirtNames.Version}";

    public static Pod Render(PodSnapshot pod, RenderContext context, DateTimeOffset at)
    {
        var vm = context.VirtualMachine(pod.Namespace, pod.VmiName);
        var labels = new Dictionary<string, string>(vm?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [KubeVirtNames.AppLabel] = "virt-launcher",
            [KubeVirtNames.CreatedByLabel] = pod.VmiUid,
            [KubeVirtNames.VmNameLabel] = pod.VmiName,
        };
        if (pod.MigrationUid is { } migration)
        {
            labels[KubeVirtNames.MigrationJobUidLabel] = migration;
        }

        var nodeSelector = new Dictionary<string, string>(vm?.NodeSelector ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [KubeVirtNames.SchedulableLabel] = "true",
        };
        return new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = pod.Name,
                Namespace = pod.Namespace,
                Uid = pod.Uid,
                CreationTimestamp = pod.CreatedAt,
                Labels = WireConversions.Labels(labels),
                Annotations = new Dictionary<string, string>(StringComparer.Ordinal) { ["kubevirt.io/domain"] = pod.VmiName },
                OwnerReferences =
                [
                    new OwnerReference
                    {
                        ApiVersion = KubernetesResources.VirtualMachineInstance.ApiVersion,
                        Kind = KubernetesResources.VirtualMachineInstance.Kind,
                        Name = pod.VmiName,
                        Uid = pod.VmiUid,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = new PodSpec
            {
                NodeName = pod.NodeName,
                NodeSelector = WireConversions.Labels(nodeSelector),
                Affinity = vm is null ? null : WireConversions.Affinity(vm.RequiredNodeAffinity),
                Tolerations = vm is null || vm.Tolerations.Count == 0 ? null : [.. vm.Tolerations.Select(WireConversions.Toleration)],
                SchedulerName = "default-scheduler",
                Containers =
                [
                    new Container
                    {
                        Name = "compute",
                        Image = LauncherImage,
                        Resources = new ResourceRequirements
                        {
                            Requests = new Dictionary<string, Quantity>(StringComparer.Ordinal) { ["memory"] = WireConversions.Bytes(pod.MemoryRequestBytes) },
                        },
                    },
                ],
            },
            Status = Status(pod, context, at),
        };
    }

    private static PodStatus Status(PodSnapshot pod, RenderContext context, DateTimeOffset at)
    {
        var running = pod.Phase == PodPhase.Running;
        var scheduled = pod.NodeName is not null;
        var address = running ? RenderContext.PodAddress(pod.Uid) : null;
        return new PodStatus
        {
            Phase = pod.Phase.ToString(),
            HostIp = scheduled ? context.NodeAddress(pod.NodeName!) : null,
            PodIp = address,
            PodIps = address is null ? null : [new PodIp { Ip = address }],
            StartTime = scheduled ? pod.CreatedAt : null,
            Conditions =
            [
                WireConversions.Condition("PodScheduled", scheduled, scheduled ? pod.CreatedAt : at,
                    scheduled ? null : "Unschedulable",
                    scheduled ? null : string.Create(CultureInfo.InvariantCulture,
                        $"0/{context.NodeCount} nodes are available: no node matches the pod's node selector, affinity, taints and memory request.")),
                WireConversions.Condition("Ready", running, running ? at : pod.CreatedAt),
            ],
            ContainerStatuses = scheduled
                ? [new ContainerStatus { Name = "compute", Image = LauncherImage, Ready = running, Started = running, RestartCount = 0 }]
                : null,
        };
    }
}
