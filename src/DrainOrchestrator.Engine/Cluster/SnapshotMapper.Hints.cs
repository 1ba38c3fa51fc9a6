using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>The operator's <see cref="HintAnnotations"/>: a node's migration bandwidth and a guest's dirty rate.</summary>
public static partial class SnapshotMapper
{
    private static long? NicBandwidthOf(Node node, List<InvalidHint> invalid)
    {
        var name = node.Metadata.Name ?? "";
        var value = HintReader.Read(node.Metadata.Annotations, HintAnnotations.MigrationBandwidth, "node", name,
            HintAnnotations.BandwidthExample, out var problem);
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
}
