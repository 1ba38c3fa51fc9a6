using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>A VM to move, as read from the source: the VM object, its memory, disks, node and MAC addresses.</summary>
public sealed record EvacuationCandidate(VirtualMachine Vm, long MemoryBytes, IReadOnlyList<EvacuationDisk> Disks, string? SourceNode,
    IReadOnlyList<string> MacAddresses)
{
    /// <summary>The VM's name.</summary>
    public string Name => Vm.Metadata.Name!;

    /// <summary>The VM's uid.</summary>
    public string Uid => Vm.Metadata.Uid ?? Vm.Metadata.Name!;

    /// <summary>The bytes the move copies: every disk, then the memory.</summary>
    public long CostBytes => MemoryBytes + Disks.Sum(d => d.Bytes);
}
