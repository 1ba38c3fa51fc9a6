namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>An evacuation to record, with its planned VMs.</summary>
public sealed record NewEvacuation(Guid Id, string SourceCluster, string SourceNamespace, string TargetCluster, string TargetNamespace,
    string? StorageClass, int MaxAttempts, bool KeepReceivers, string CreatedBy, IReadOnlyList<NewEvacuationVm> Vms);

/// <summary>A planned VM of a new evacuation.</summary>
public sealed record NewEvacuationVm(string VmName, string VmUid, int Wave, int Position, long MemoryBytes, long DiskBytes);
