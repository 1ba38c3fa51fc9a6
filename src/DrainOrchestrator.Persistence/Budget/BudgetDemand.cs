namespace DrainOrchestrator.Persistence.Budget;

/// <summary>What a drain publishes about its claim on the cluster's budget (see <see cref="ClusterBudgetStore.PublishDemandAsync"/>).</summary>
/// <param name="Cluster">The drain's cluster.</param>
/// <param name="DrainId">The drain.</param>
/// <param name="Wanted">The migrations it would start now beyond the slots it holds.</param>
/// <param name="ForeignInFlight">The foreign VMIMs in flight its engine sees (for status).</param>
/// <param name="ClusterLimit">The cluster limit it reserves against (for status).</param>
public sealed record BudgetDemand(string Cluster, Guid DrainId, int Wanted, int ForeignInFlight, int ClusterLimit);
