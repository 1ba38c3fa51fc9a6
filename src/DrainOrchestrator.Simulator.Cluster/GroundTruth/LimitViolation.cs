namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A moment when a migration entered flight while a KubeVirt limit was already reached.</summary>
/// <param name="At">When.</param>
/// <param name="Limit"><c>parallelMigrationsPerCluster</c> or <c>parallelOutboundMigrationsPerNode</c>.</param>
/// <param name="Node">The source node for the per-node limit, else null.</param>
/// <param name="InFlight">How many were in flight including the newcomer.</param>
/// <param name="Allowed">The limit in force at that moment.</param>
/// <param name="Migration">The VMIM (namespace/name) that exceeded it.</param>
public sealed record LimitViolation(DateTimeOffset At, string Limit, string? Node, int InFlight, int Allowed, string Migration);
