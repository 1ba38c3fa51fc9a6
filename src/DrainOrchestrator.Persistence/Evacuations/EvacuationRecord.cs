namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>An evacuation as stored: from where to where, its policy, and where it is.</summary>
public sealed record EvacuationRecord(Guid Id, string SourceCluster, string SourceNamespace, string TargetCluster, string TargetNamespace,
    string? StorageClass, int MaxAttempts, bool KeepReceivers, EvacuationState State, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? FinishedAt, string? Error)
{
    /// <summary>The name of its ownership lease in the leases table.</summary>
    public string LeaseName => LeaseNameOf(Id);

    /// <summary>The lease name of an evacuation.</summary>
    public static string LeaseNameOf(Guid id) => "evacuation/" + id.ToString("D");
}
