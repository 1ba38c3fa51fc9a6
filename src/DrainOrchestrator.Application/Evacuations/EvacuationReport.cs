namespace DrainOrchestrator.Application.Evacuations;

/// <summary>The JSON report of an evacuation: the evacuation with each VM's source and target, and its journal.</summary>
public sealed record EvacuationReport(EvacuationView Evacuation, IReadOnlyList<EvacuationReportEntry> Journal);

/// <summary>One journal entry in a report.</summary>
public sealed record EvacuationReportEntry(long Seq, DateTimeOffset At, string Kind, string? Vm, int? Attempt, string? Side, string? Object,
    string? Detail);
