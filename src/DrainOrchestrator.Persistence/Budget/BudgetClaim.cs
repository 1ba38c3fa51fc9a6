namespace DrainOrchestrator.Persistence.Budget;

/// <summary>One drain's claim on its cluster's budget, as <see cref="FairShare"/> divides it.</summary>
/// <param name="DrainId">The drain.</param>
/// <param name="Held">The slots it holds: its migrations in flight.</param>
/// <param name="Demand">The slots it wants in all: those it holds plus the migrations it would start now.</param>
/// <param name="LastGrantedAt">When the budget last granted it a slot; null when never (it has waited longest).</param>
/// <param name="CreatedAt">When the drain was created (the older drain wins a tie).</param>
public sealed record BudgetClaim(Guid DrainId, int Held, int Demand, DateTimeOffset? LastGrantedAt, DateTimeOffset CreatedAt);
