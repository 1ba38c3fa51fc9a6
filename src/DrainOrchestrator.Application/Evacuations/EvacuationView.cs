using DrainOrchestrator.Engine.Evacuate;
using DrainOrchestrator.Persistence.Evacuations;

namespace DrainOrchestrator.Application.Evacuations;

/// <summary>An evacuation as status and reports show it.</summary>
public sealed record EvacuationView(Guid Id, string State, string SourceNamespace, string SourceCluster, string TargetNamespace,
    string TargetCluster, int MaxAttempts, bool KeepReceiversOnFailure, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt,
    string? Error, IReadOnlyList<EvacuationVmView> Vms)
{
    /// <summary>The view of a stored evacuation and its VMs.</summary>
    public static EvacuationView Of(EvacuationRecord e, IReadOnlyList<EvacuationVmRecord> vms)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(vms);
        return new EvacuationView(e.Id, e.State.ToDatabase(), e.SourceNamespace, e.SourceCluster, e.TargetNamespace, e.TargetCluster,
            e.MaxAttempts, e.KeepReceivers, e.CreatedAt, e.CreatedBy, e.FinishedAt, e.Error,
            [.. vms.Select(v => new EvacuationVmView(v.VmName, e.SourceNamespace, e.SourceCluster, v.SourceNode, e.TargetNamespace, e.TargetCluster,
                v.TargetNode, v.State.ToDatabase(), v.Attempt, v.Wave, v.MemoryBytes, v.DiskBytes, v.Failure, v.StartedAt, v.FinishedAt))]);
    }

    /// <summary>The view of an engine result.</summary>
    public static EvacuationView Of(EvacuationResult result) => Of(result?.Evacuation!, result!.Vms);
}
