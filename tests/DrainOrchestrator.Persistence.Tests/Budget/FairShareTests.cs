using DrainOrchestrator.Persistence.Budget;

namespace DrainOrchestrator.Persistence.Tests.Budget;

public sealed class FairShareTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static BudgetClaim Claim(int id, int held, int demand, int ageRank = 0, int? grantedRank = null) =>
        new(new Guid(id, 0, 0, new byte[8]), held, demand, grantedRank is { } g ? T0.AddHours(1 + g) : null, T0.AddMinutes(ageRank));

    [Fact]
    public void Compute_DemandWithinCapacity_EveryoneGetsTheirDemand()
    {
        var shares = FairShare.Compute(5, [Claim(1, 0, 2), Claim(2, 1, 3)]);

        Assert.Equal([2, 3], shares);
    }

    [Fact]
    public void Compute_SmallDemand_LeftOverGoesToTheDrainWantingMore()
    {
        var shares = FairShare.Compute(5, [Claim(1, 0, 1), Claim(2, 0, 10)]);

        Assert.Equal([1, 4], shares);
    }

    [Fact]
    public void Compute_EqualDemandsOverCapacity_RemainderToTheDrainHoldingFewer()
    {
        var shares = FairShare.Compute(5, [Claim(1, 3, 5, ageRank: 0), Claim(2, 2, 5, ageRank: 1)]);

        Assert.Equal([2, 3], shares);
    }

    [Fact]
    public void Compute_RemainderTiedOnHoldings_GoesToTheOlderDrain()
    {
        var shares = FairShare.Compute(5, [Claim(1, 0, 5, ageRank: 2), Claim(2, 0, 5, ageRank: 1)]);

        Assert.Equal([2, 3], shares);
    }

    [Fact]
    public void Compute_RemainderTiedOnHoldings_GoesToTheDrainGrantedLongestAgoBeforeAge()
    {
        var shares = FairShare.Compute(1, [Claim(1, 0, 3, ageRank: 0, grantedRank: 5), Claim(2, 0, 3, ageRank: 1, grantedRank: 2),
            Claim(3, 0, 3, ageRank: 2, grantedRank: 4)]);
        var neverGranted = FairShare.Compute(1, [Claim(1, 0, 3, ageRank: 0, grantedRank: 0), Claim(2, 0, 3, ageRank: 1)]);

        Assert.Equal([0, 1, 0], shares);
        Assert.Equal([0, 1], neverGranted);
    }

    [Fact]
    public void Compute_ThreeDrainsTwoSlotsLeftOver_OneEachByFewestHeldThenAge()
    {
        // Level 1 covers 3 of 5 slots; the other 2 go to the two drains holding the fewest, the older first on a tie.
        var shares = FairShare.Compute(5, [Claim(1, 2, 5, ageRank: 0), Claim(2, 1, 5, ageRank: 1), Claim(3, 1, 5, ageRank: 2)]);

        Assert.Equal([1, 2, 2], shares);
    }

    [Fact]
    public void Compute_FewerSlotsThanDrains_DrainsHoldingNothingFirst()
    {
        var shares = FairShare.Compute(1, [Claim(1, 1, 2, ageRank: 0), Claim(2, 0, 1, ageRank: 1)]);

        Assert.Equal([0, 1], shares);
    }

    [Fact]
    public void Compute_ReadmeExample_OverShareDrainLeftWithLess()
    {
        // Limit 5, one foreign VMIM: A holds 3 and wants 3 more, B holds 0 and wants 3.
        var shares = FairShare.Compute(5 - 1, [Claim(1, 3, 6, ageRank: 0), Claim(2, 0, 3, ageRank: 1)]);

        Assert.Equal([2, 2], shares);
    }

    [Fact]
    public void Compute_NoCapacity_NobodyGetsAnything()
    {
        Assert.Equal([0, 0], FairShare.Compute(0, [Claim(1, 0, 3), Claim(2, 0, 3)]));
        Assert.Equal([0], FairShare.Compute(-2, [Claim(1, 0, 3)]));
    }

    [Theory]
    [InlineData(5, new[] { 1, 7, 3, 0 })]
    [InlineData(7, new[] { 2, 2, 2, 9 })]
    [InlineData(3, new[] { 5, 5, 5, 5, 5 })]
    [InlineData(10, new[] { 4, 1, 6 })]
    public void Compute_Always_SharesCoverTheSmallerOfCapacityAndDemandAndNoneExceedsItsDemand(int capacity, int[] demands)
    {
        var claims = demands.Select((d, i) => Claim(i + 1, i % 2, d, ageRank: i)).ToList();

        var shares = FairShare.Compute(capacity, claims);

        Assert.Equal(Math.Min(capacity, demands.Sum()), shares.Sum());
        Assert.All(shares.Zip(demands), p => Assert.InRange(p.First, 0, p.Second));
        // Max-min: a drain short of its demand has at least the share of every other drain, less the one remainder slot.
        for (var i = 0; i < claims.Count; i++)
        {
            if (shares[i] < demands[i])
            {
                Assert.All(shares, other => Assert.True(other <= shares[i] + 1, $"share {other} beside a short {shares[i]}"));
            }
        }
    }
}
