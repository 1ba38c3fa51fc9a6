using DrainOrchestrator.Core.Scheduling;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// The model the rollout plays (start-up S = 10 s, transfers one after another on their source's NIC, the rules'
/// just-in-time order after the first choice), checked against makespans worked out by hand.
/// </summary>
public sealed class DrainRolloutTests
{
    [Fact]
    public void Play_OneSourceTwoTransfers_TheSecondStartsJustInTime()
    {
        // 10 s start-up, then 5 s; the second is due 5 s in (NIC free at 15 less a start-up) and sends 15 to 20.
        var rollout = new DrainRollout(10, 5, 2, [0], [0], [[5, 5]], []);

        Assert.Equal(20, rollout.Play(0, 0), 6);
    }

    [Fact]
    public void Play_ShortCandidateFirstOnABusyCluster_EndsSoonerThanTheLongest()
    {
        // C = 3, L = 3. n2 sends 8 s in flight (its slot free at 18); n1 has 4, 1 and 1 s left.
        // Longest first: 4 (10-14), a 1 due at 4 (14-15), the other due at 5 but the cluster is full until 14: 24-25.
        // A 1 first: 10-11, the 4 due at 1 (11-15), the last 1 when the first frees its slot at 11: 21-22.
        var rollout = new DrainRollout(10, 3, 3, [0, 18], [0, 1], [[4, 1, 1], []], [(1, 18)]);

        Assert.Equal(25, rollout.Play(0, 0), 6);
        Assert.Equal(22, rollout.Play(0, 1), 6);
    }

    [Fact]
    public void Play_NothingNowAndNothingPending_NeverFinishes()
    {
        // Holding the slot with no migration in flight and the source due already: no event would ever start it.
        var rollout = new DrainRollout(10, 5, 2, [0], [0], [[5]], []);

        Assert.Equal(double.PositiveInfinity, rollout.Play(-1, -1));
    }

    [Fact]
    public void Play_NothingNow_StartsWhenTheBusierSourceIsDue()
    {
        // C = 1 after n1's in-flight 20 s transfer frees it at 20: n1's next (20 s) and n2's (1 s) then run one after the
        // other either way; holding now changes nothing when no slot is free: 20 + 10 + 20 = 50 (n1 first, the busier),
        // then n2 from 50: 61.
        var rollout = new DrainRollout(10, 1, 2, [20, 0], [1, 0], [[20], [1]], [(0, 20)]);

        Assert.Equal(61, rollout.Play(-1, -1), 6);
    }

    [Fact]
    public void ImproveOrders_SlotBoundSource_InterleavesAShortOneBeforeTheLongest()
    {
        // C = L = 2, one source with 10, 1 and 1 s. Longest first: 10 sends 10-20, a 1 20-21 (started at 10), the last 1
        // waits for a slot until 20 and sends 30-31. A 1 first (10-11), the 10 due at 1 (11-21), the last 1 in the slot
        // freed at 11 (21-22): 22.
        var rollout = new DrainRollout(10, 2, 2, [0], [0], [[10, 1, 1]], []);

        Assert.Equal(31, rollout.Play(0, 0), 6);
        Assert.Equal(22, rollout.ImproveOrders(100, 0.03), 6);
        Assert.Equal(1, rollout.First(0));
        Assert.Equal(22, rollout.Play(0, rollout.First(0)), 6);
    }

    [Fact]
    public void ImproveOrders_GainBelowTheThreshold_KeepsLongestFirst()
    {
        // The same drain with 31 s and a 9 s gain: a threshold of 30% of 31 s (9.3 s) is not met, so the longest stays first
        // and the play after a choice follows longest first again.
        var rollout = new DrainRollout(10, 2, 2, [0], [0], [[10, 1, 1]], []);

        Assert.Equal(31, rollout.ImproveOrders(100, 0.3), 6);
        Assert.Equal(0, rollout.First(0));
        Assert.Equal(31, rollout.Play(0, 0), 6);
    }
}
