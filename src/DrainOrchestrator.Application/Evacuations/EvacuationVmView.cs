namespace DrainOrchestrator.Application.Evacuations;

/// <summary>One VM of an evacuation as reports show it: from where to where, outcome and attempts.</summary>
public sealed record EvacuationVmView(string Name, string SourceNamespace, string SourceCluster, string? SourceNode, string TargetNamespace,
    string TargetCluster, string? TargetNode, string Outcome, int Attempts, int Wave, long MemoryBytes, long DiskBytes, string? Failure,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);
