namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A guest the cluster lost (failed VMI).</summary>
/// <param name="At">When.</param>
/// <param name="Namespace">The VMI namespace.</param>
/// <param name="Name">The VMI name.</param>
/// <param name="Uid">The lost VMI's uid.</param>
/// <param name="Reason">Why.</param>
public sealed record VmiLoss(DateTimeOffset At, string Namespace, string Name, string Uid, string? Reason);
