namespace DrainOrchestrator.Application.Drains;

/// <summary>
/// A drain's place in its cluster's one migration budget: the slots it holds, what it wants, and its max-min fair share
/// of the cluster limit left after foreign VMIMs (README, "One cluster, one budget").
/// </summary>
/// <param name="Held">Slots held: its migrations in flight.</param>
/// <param name="Wanted">Migrations it would start now beyond those.</param>
/// <param name="Share">Its fair share.</param>
/// <param name="ClusterLimit">The cluster limit the budget reserves against; null when unknown yet.</param>
/// <param name="ForeignInFlight">VMIMs in flight that no drain of ours created; null when unknown yet.</param>
/// <param name="Rule">The sharing rule, in words.</param>
public sealed record BudgetView(int Held, int Wanted, int Share, int? ClusterLimit, int? ForeignInFlight, string Rule = BudgetView.MaxMinFair)
{
    /// <summary>The rule drains of one cluster share slots by.</summary>
    public const string MaxMinFair = "max-min fair share by demand";
}
