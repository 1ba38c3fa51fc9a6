namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A fault from the scenario, injected <paramref name="At"/> after the run starts.</summary>
/// <param name="At">Offset from the scenario start.</param>
/// <param name="Fault">What happens.</param>
public sealed record ScheduledFault(TimeSpan At, FaultSpec Fault);
