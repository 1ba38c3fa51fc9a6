namespace DrainOrchestrator.Persistence.Budget;

/// <summary>
/// Max-min fair sharing of a cluster's free capacity among its drains, in whole slots. Pure.
/// </summary>
/// <remarks>
/// <para>
/// The capacity (the cluster limit less the foreign migrations in flight) is water-filled by demand: every drain gets
/// <c>min(demand, level)</c> for the highest whole level the capacity covers, so a drain that wants little gets all it
/// wants and what it leaves goes to the drains that want more. The slots a whole level cannot cover (fewer than the
/// drains still unsatisfied) go one each to the unsatisfied drains holding the fewest slots; among those holding as
/// many, to the one granted a slot longest ago (never granted first), then to the older drain, then by drain id, so the
/// order is total and every engine computes the same shares.
/// </para>
/// <para>
/// No share exceeds its demand, and the shares add up to the capacity or to the total demand, whichever is smaller:
/// capacity nobody else wants always belongs to a drain that wants it. With at least as many slots as drains wanting,
/// each gets at least one. With fewer, the drains holding nothing come first, and among them the one that waited
/// longest: a drain that just got a slot goes behind the others, so none starves even when the oldest drains never
/// stop wanting (ranking by age alone would hand them every remainder).
/// </para>
/// </remarks>
public static class FairShare
{
    /// <summary>The share of each claim, in the order given.</summary>
    /// <param name="capacity">Slots to divide; zero or less divides nothing.</param>
    /// <param name="claims">One claim per drain.</param>
    public static IReadOnlyList<int> Compute(int capacity, IReadOnlyList<BudgetClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var shares = new int[claims.Count];
        if (capacity <= 0 || claims.Count == 0)
        {
            return shares;
        }

        long totalDemand = 0;
        var maxDemand = 0;
        foreach (var claim in claims)
        {
            totalDemand += Math.Max(0, claim.Demand);
            maxDemand = Math.Max(maxDemand, claim.Demand);
        }

        var level = totalDemand <= capacity ? maxDemand : HighestLevel(capacity, claims, maxDemand);
        var given = 0;
        for (var i = 0; i < claims.Count; i++)
        {
            shares[i] = Math.Clamp(claims[i].Demand, 0, level);
            given += shares[i];
        }

        var unsatisfied = Enumerable.Range(0, claims.Count)
            .Where(i => claims[i].Demand > level)
            .OrderBy(i => claims[i].Held)
            .ThenBy(i => claims[i].LastGrantedAt ?? DateTimeOffset.MinValue)
            .ThenBy(i => claims[i].CreatedAt)
            .ThenBy(i => claims[i].DrainId);
        foreach (var i in unsatisfied.Take(capacity - given))
        {
            shares[i]++;
        }

        return shares;
    }

    // The highest level L with sum(min(demand, L)) <= capacity; the sum grows with L, so a binary search finds it.
    private static int HighestLevel(int capacity, IReadOnlyList<BudgetClaim> claims, int maxDemand)
    {
        var (low, high) = (0, maxDemand);
        while (low < high)
        {
            var mid = low + ((high - low + 1) / 2);
            long filled = 0;
            foreach (var claim in claims)
            {
                filled += Math.Clamp(claim.Demand, 0, mid);
            }

            if (filled <= capacity)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }
}
