using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>The operator's <see cref="HintAnnotations"/>: a node's migration bandwidth and a guest's dirty rate.</summary>
public static partial class SnapshotMapper
{
    // On a dedicated migration network the node's migration NIC carries the migrations: its own hint wins, and a node
    // without one falls back to the pod network's (as virt-handler falls back to the pod network without the interface).
    private static long? NicBandwidthOf(Node node, bool dedicatedNetwork, List<InvalidHint> invalid)
    {
        var name = node.Metadata.Name ?? "";
        var annotation = dedicatedNetwork && HintReader.Has(node.Metadata.Annotations, HintAnnotations.MigrationNetworkBandwidth)
            ? HintAnnotations.MigrationNetworkBandwidth
            : HintAnnotations.MigrationBandwidth;
        var value = HintReader.Read(node.Metadata.Annotations, annotation, "node", name, HintAnnotations.BandwidthExample, out var problem);
        if (problem is not null)
        {
            invalid.Add(new InvalidHint(HintKind.NicBandwidth, name, null, problem));
        }

        return value;
    }

    // The VMI's own annotation wins; only a VMI without one falls back to its VM's template (annotated after the VMI
    // started, which KubeVirt copies into the next VMI only).
    private static long? DirtyRateOf(VirtualMachineInstance vmi, VirtualMachine? vm, string node, List<InvalidHint> invalid)
    {
        var meta = vmi.Metadata;
        var template = vm?.Spec?.Template?.Metadata?.Annotations;
        string? problem;
        long? value;
        if (HintReader.Has(meta.Annotations, HintAnnotations.DirtyRate))
        {
            value = HintReader.Read(meta.Annotations, HintAnnotations.DirtyRate, "vmi", meta.Namespace + "/" + meta.Name,
                HintAnnotations.DirtyRateExample, out problem);
        }
        else if (HintReader.Has(template, HintAnnotations.DirtyRate))
        {
            value = HintReader.Read(template, HintAnnotations.DirtyRate, "vm",
                $"{vm!.Metadata.Namespace}/{vm.Metadata.Name} (spec.template.metadata.annotations)", HintAnnotations.DirtyRateExample, out problem);
        }
        else
        {
            return null;
        }

        if (problem is not null)
        {
            invalid.Add(new InvalidHint(HintKind.DirtyRate, node, meta.Uid ?? "", problem));
        }

        return value;
    }

    // The VMI's own annotation only: a working set belongs to the running guest.
    private static long? WorkingSetOf(VirtualMachineInstance vmi, string node, List<InvalidHint> invalid)
    {
        var meta = vmi.Metadata;
        var value = HintReader.Read(meta.Annotations, HintAnnotations.WorkingSet, "vmi", meta.Namespace + "/" + meta.Name,
            HintAnnotations.WorkingSetExample, out var problem);
        if (problem is not null)
        {
            invalid.Add(new InvalidHint(HintKind.WorkingSet, node, meta.Uid ?? "", problem));
        }

        return value;
    }
}
