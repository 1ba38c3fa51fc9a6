using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Engine.Budget;

/// <summary>
/// The limits a drain reserves its slots against: the KubeVirt CR's, or the drain policy's where lower. A policy that
/// allows limits above the CR's (<see cref="DrainPolicy.AllowAboveClusterLimits"/>) still reserves within the CR's: the
/// budget is shared, and a drain counting against a higher limit would take the slots the other drains wait for.
/// </summary>
/// <param name="Cluster">Migrations in flight in the cluster.</param>
/// <param name="Node">Migrations in flight out of one node.</param>
internal sealed record BudgetLimits(int Cluster, int Node)
{
    public static BudgetLimits Of(ClusterMigrationConfig kubeVirt, DrainPolicy policy) => new(
        Math.Max(1, Math.Min(kubeVirt.ParallelMigrationsPerCluster, policy.MaxParallelMigrations)),
        Math.Max(1, Math.Min(kubeVirt.ParallelOutboundMigrationsPerNode, policy.MaxOutboundPerNode)));
}
