using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>A model VM as kubevirt.io/v1 VirtualMachine: run strategy, the VMI template, and a status from its VMI.</summary>
internal static class VirtualMachineRenderer
{
    /// <summary>The parts of a stored VM the model owns.</summary>
    public static IReadOnlyList<string[]> OwnedPaths { get; } =
        [["spec", "template", "metadata", "labels"], ["spec", "runStrategy"], ["status"]];

    /// <summary>The parts of the spec the model owns (labels, and the run strategy a decentralized move changes).</summary>
    public static IReadOnlyList<string[]> SpecPaths { get; } = [["spec", "template", "metadata", "labels"], ["spec", "runStrategy"]];

    /// <summary>The parts the model owns when only the VMI changed.</summary>
    public static IReadOnlyList<string[]> StatusPath { get; } = [["status"]];

    public static VirtualMachine Render(VirtualMachineSnapshot vm, VmiSnapshot? vmi) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = vm.Name,
            Namespace = vm.Namespace,
            Uid = vm.Uid,
            Labels = WireConversions.LabelsOrNull(vm.Labels),
        },
        Spec = new VirtualMachineSpec
        {
            RunStrategy = vm.RunStrategy.ToString(),
            Template = new VirtualMachineInstanceTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = WireConversions.LabelsOrNull(vm.Labels) },
                Spec = VmiRenderer.Spec(vm),
            },
        },
        Status = Status(vm.HasVmi, vmi),
    };

    /// <summary>What <c>kubectl get vm</c> shows: created, ready (field and condition) and the printable status.</summary>
    public static VirtualMachineStatus Status(bool hasVmi, VmiSnapshot? vmi)
    {
        if (!hasVmi || vmi is null)
        {
            return new VirtualMachineStatus { Created = hasVmi ? true : null, Ready = false, PrintableStatus = hasVmi ? "Starting" : "Stopped" };
        }

        var migrating = vmi.MigrationState is { Completed: false };
        var printable = vmi.Phase switch
        {
            VmiPhase.Running => migrating ? "Migrating" : "Running",
            VmiPhase.Pending or VmiPhase.Scheduling or VmiPhase.Scheduled => "Starting",
            VmiPhase.WaitingForSync => migrating ? "Migrating" : "WaitingForReceiver",
            _ => "Stopped",
        };
        var ready = vmi.Phase == VmiPhase.Running;
        return new VirtualMachineStatus
        {
            Created = true,
            Ready = ready,
            PrintableStatus = printable,
            // The VMI's Ready condition, as virt-controller copies it (kubectl's READY column reads it).
            Conditions = [WireConversions.Condition("Ready", ready, vmi.CreatedAt, ready ? null : "GuestNotRunning")],
        };
    }
}
