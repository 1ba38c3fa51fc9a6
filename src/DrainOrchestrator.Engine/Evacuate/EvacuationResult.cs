using DrainOrchestrator.Persistence.Evacuations;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>An evacuation as it ended (or stands), with its VMs.</summary>
public sealed record EvacuationResult(EvacuationRecord Evacuation, IReadOnlyList<EvacuationVmRecord> Vms);
