namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>One entry of <c>status.phaseTransitionTimestamps</c>.</summary>
/// <param name="Phase">The phase entered.</param>
/// <param name="At">When it was entered.</param>
public sealed record PhaseTransition(MigrationPhase Phase, DateTimeOffset At);
