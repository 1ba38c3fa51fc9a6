namespace DrainOrchestrator.Persistence.Budget;

/// <summary>One drain's place in its cluster's budget, for status (see <see cref="ClusterBudgetStore.ReadAsync"/>).</summary>
/// <param name="DrainId">The drain.</param>
/// <param name="DrainName">Its name.</param>
/// <param name="Held">The slots it holds: its migrations in flight.</param>
/// <param name="Wanted">The migrations it would start now beyond those (0 when its demand is stale or unpublished).</param>
/// <param name="Share">Its fair share of the capacity left after foreign VMIMs.</param>
/// <param name="ClusterLimit">
/// The cluster limit it reserves against (for a drain that published no demand, the one the cluster's latest demand
/// published); null when no drain of the cluster published any.
/// </param>
/// <param name="ForeignInFlight">The foreign VMIMs in flight its engine last saw (the same fallback); null likewise.</param>
/// <param name="RefreshedAt">When it last published its demand; null when never (or its demand was withdrawn).</param>
/// <param name="Stale">Whether its demand is too old to count.</param>
public sealed record DrainBudgetStatus(
    Guid DrainId,
    string DrainName,
    int Held,
    int Wanted,
    int Share,
    int? ClusterLimit,
    int? ForeignInFlight,
    DateTimeOffset? RefreshedAt,
    bool Stale)
{
    /// <summary>The slots it wants in all: those it holds plus those it would start now.</summary>
    public int Demand => Held + Wanted;
}
