using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>
/// A model VMI as kubevirt.io/v1 VirtualMachineInstance: labelled <c>kubevirt.io/nodeName</c> as virt-controller labels
/// it, owned by its VM, with phase, node, the <c>Ready</c> and <c>LiveMigratable</c> conditions and the full
/// <c>status.migrationState</c> of its latest migration.
/// </summary>
internal static class VmiRenderer
{
    /// <summary>The parts of a stored VMI the model owns.</summary>
    public static IReadOnlyList<string[]> OwnedPaths { get; } = [["metadata", "labels"], ["status"]];

    /// <summary>The owned paths of <paramref name="vmi"/>: <see cref="OwnedPaths"/> and the annotation keys the model publishes.</summary>
    public static IReadOnlyList<string[]> OwnedPathsOf(VmiSnapshot vmi) => ModelAnnotations.Owned(OwnedPaths, vmi.Annotations);

    public static VirtualMachineInstance Render(VmiSnapshot vmi, VirtualMachineSnapshot? vm, RenderContext context)
    {
        var labels = new Dictionary<string, string>(vmi.Labels, StringComparer.Ordinal);
        if (vmi.NodeName is { } node)
        {
            labels[KubeVirtNames.NodeNameLabel] = node;
        }

        return new VirtualMachineInstance
        {
            Metadata = new ObjectMeta
            {
                Name = vmi.Name,
                Namespace = vmi.Namespace,
                Uid = vmi.Uid,
                CreationTimestamp = vmi.CreatedAt,
                Labels = WireConversions.LabelsOrNull(labels),
                Annotations = ModelAnnotations.Render(vmi.Annotations),
                OwnerReferences = vm is null ? null :
                [
                    new OwnerReference
                    {
                        ApiVersion = KubernetesResources.VirtualMachine.ApiVersion,
                        Kind = KubernetesResources.VirtualMachine.Kind,
                        Name = vm.Name,
                        Uid = vm.Uid,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = vm is null ? SpecOf(vmi) : Spec(vm),
            Status = Status(vmi, context),
        };
    }

    /// <summary>The VMI spec a VM's template gives.</summary>
    public static VirtualMachineInstanceSpec Spec(VirtualMachineSnapshot vm) => new()
    {
        Domain = Domain(vm.MemoryBytes),
        NodeSelector = WireConversions.LabelsOrNull(vm.NodeSelector),
        Affinity = WireConversions.Affinity(vm.RequiredNodeAffinity),
        Tolerations = vm.Tolerations.Count == 0 ? null : [.. vm.Tolerations.Select(WireConversions.Toleration)],
        EvictionStrategy = vm.EvictionStrategy?.ToString(),
    };

    private static VirtualMachineInstanceSpec SpecOf(VmiSnapshot vmi) => new()
    {
        Domain = Domain(vmi.MemoryBytes),
        NodeSelector = WireConversions.LabelsOrNull(vmi.NodeSelector),
        EvictionStrategy = vmi.EvictionStrategy?.ToString(),
    };

    private static DomainSpec Domain(long memoryBytes) => new()
    {
        Memory = new DomainMemory { Guest = WireConversions.Bytes(memoryBytes) },
        Resources = new DomainResources
        {
            Requests = new Dictionary<string, Quantity>(StringComparer.Ordinal) { ["memory"] = WireConversions.Bytes(memoryBytes) },
        },
    };

    /// <summary>
    /// The guest's one interface on the pod network (masquerade binding): its address is the launcher pod's, so it
    /// changes with a migration as the pod does.
    /// </summary>
    private static List<VirtualMachineInstanceNetworkInterface>? Interfaces(VmiSnapshot vmi)
    {
        if (vmi.Phase != VmiPhase.Running || vmi.LauncherPodUid is not { } pod)
        {
            return null;
        }

        var address = RenderContext.PodAddress(pod);
        return
        [
            new VirtualMachineInstanceNetworkInterface
            {
                Name = "default",
                InterfaceName = "eth0",
                PodInterfaceName = "eth0",
                IpAddress = address,
                IpAddresses = [address],
                InfoSource = "domain, guest-agent",
                QueueCount = 1,
            },
        ];
    }

    private static VirtualMachineInstanceStatus Status(VmiSnapshot vmi, RenderContext context)
    {
        var running = vmi.Phase == VmiPhase.Running;
        var since = vmi.CreatedAt;
        return new VirtualMachineInstanceStatus
        {
            Phase = vmi.Phase.ToString(),
            NodeName = vmi.NodeName,
            Reason = vmi.Phase == VmiPhase.Failed ? "GuestLost" : null,
            Conditions =
            [
                WireConversions.Condition("Ready", running, since,
                    running ? null : vmi.Phase == VmiPhase.Failed ? "GuestLost" : "GuestNotRunning", vmi.FailureReason),
                WireConversions.Condition("LiveMigratable", vmi.LiveMigratable, since, vmi.NonMigratableReason,
                    vmi.NonMigratableReason is { } reason ? LiveMigratableMessages.For(reason) : null),
            ],
            Interfaces = Interfaces(vmi),
            MigrationState = vmi.MigrationState is { } state ? MigrationStateRenderer.Render(state, context) : null,
            MigrationMethod = "LiveMigration",
            QosClass = "Burstable",
        };
    }
}
