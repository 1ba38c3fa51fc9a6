using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>What the cluster's indexes and the budget read of a VMIM: whether it ended, and whether a drain of ours made it.</summary>
internal static class MigrationStatus
{
    /// <summary>Succeeded or Failed: the VMIM holds no slot any more.</summary>
    public static bool IsFinished(VirtualMachineInstanceMigration vmim) => vmim.Status?.Phase is "Succeeded" or "Failed";

    /// <summary>The drain id of the label <see cref="NodeLeaseNames.DrainLabel"/>, or null for a VMIM no drain of ours made.</summary>
    public static string? DrainOf(VirtualMachineInstanceMigration vmim) =>
        vmim.Metadata.Labels is { } labels && labels.TryGetValue(NodeLeaseNames.DrainLabel, out var owner) ? owner : null;

    /// <summary>A VMIM of a drain of ours that ended.</summary>
    public static bool IsEndedDrainMigration(VirtualMachineInstanceMigration vmim) => IsFinished(vmim) && DrainOf(vmim) is not null;
}
