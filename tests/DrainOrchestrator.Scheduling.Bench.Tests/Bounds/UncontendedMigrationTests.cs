using DrainOrchestrator.Scheduling.Bench.Bounds;

namespace DrainOrchestrator.Scheduling.Bench.Tests.Bounds;

public sealed class UncontendedMigrationTests
{
    private const double GiB = 1024.0 * 1024 * 1024;

    [Fact]
    public void Of_IdleGuest_OnePass()
    {
        var alone = UncontendedMigration.Of(10e9, 0, 2e9, 1e9, 0.9);

        Assert.True(alone.Converges);
        Assert.Equal(10, alone.TransferSeconds, 6);
        Assert.Equal(10e9, alone.Bytes, 0);
    }

    [Fact]
    public void Of_DirtyingGuest_DrainsItsWorkingSetAtRateMinusDirtyRate()
    {
        // First pass 10 s; 5 GB dirtied but at most 2 GB re-dirtied; 2 GB - 0.9 GB drains at 0.5 GB/s: 2.2 s more; then
        // the stop-and-copy of 0.9 GB, 0.9 s.
        var alone = UncontendedMigration.Of(10e9, 0.5e9, 2e9, 1e9, 0.9);

        Assert.Equal(13.1, alone.TransferSeconds, 6);
        Assert.Equal(13.1e9, alone.Bytes, 0);
    }

    [Fact]
    public void Of_QuietGuest_StopAndCopySendsWhatTheFirstPassLeftDirty()
    {
        // First pass 10 s, 0.5 GB dirtied meanwhile: it fits in the downtime (0.9 GB), so it crosses in the stop-and-copy.
        var alone = UncontendedMigration.Of(10e9, 0.05e9, 2e9, 1e9, 0.9);

        Assert.Equal(10.5, alone.TransferSeconds, 6);
        Assert.Equal(10.5e9, alone.Bytes, 0);
    }

    [Fact]
    public void Of_DirtyRateAtLeastTheRate_NeverConverges()
    {
        Assert.False(UncontendedMigration.Of(10e9, 1e9, 2e9, 1e9, 0.9).Converges);
    }

    [Fact]
    public void Of_ScenarioCDatabase_AboutTwentySevenSeconds()
    {
        // 16Gi dirtying 800Mi/s with a 6Gi working set over 10 Gbit/s, as in bench/scenarios/c-dirty-nic-sharing.yaml.
        var alone = UncontendedMigration.Of(16 * GiB, 800 * 1024.0 * 1024, 6 * GiB, 1.25e9, 0.9);

        Assert.InRange(alone.TransferSeconds, 26.5, 28);
    }

    [Fact]
    public void PostCopyMinimum_ScenarioHCache_FirstPassPlusWhatTheEarliestSwitchLeavesDirty()
    {
        // 16Gi dirtying 400Mi/s (working set 8Gi) capped at 256Mi/s, as in bench/scenarios/h-bandwidth-cap-postcopy.yaml.
        // Earliest switch: 1 s × 18 started GB = 18 s; by then 4.5Gi sent, all of it dirty again (D ≥ R); less the
        // 0.9 s downtime at 256Mi/s: (16 + 4.5 − 0.225) Gi at 256Mi/s.
        const double MiB = 1024.0 * 1024;
        var tau = UncontendedMigration.EarliestSwitchSeconds(16 * GiB, TimeSpan.FromSeconds(150));
        var post = UncontendedMigration.PostCopyMinimum(16 * GiB, 400 * MiB, 8 * GiB, 256 * MiB, 0.9, tau);

        Assert.Equal(18, tau, 6);
        Assert.True(post.Converges);
        Assert.True(post.ViaPostCopy);
        Assert.Equal(((16 * GiB) + (4.5 * GiB) - (0.9 * 256 * MiB)) / (256 * MiB), post.TransferSeconds, 6);
        Assert.Equal(16 * GiB, post.Bytes, 0);
    }

    [Fact]
    public void PostCopyMinimum_NeverShorterThanTheFirstPass_AndGrowsWithALaterSwitch()
    {
        var immediate = UncontendedMigration.PostCopyMinimum(10e9, 2e9, 4e9, 1e9, 0.9, 0);
        var early = UncontendedMigration.PostCopyMinimum(10e9, 2e9, 4e9, 1e9, 0.9, 2);
        var late = UncontendedMigration.PostCopyMinimum(10e9, 2e9, 4e9, 1e9, 0.9, 8);

        Assert.Equal(10, immediate.TransferSeconds, 6);
        Assert.Equal(10 + 1.1, early.TransferSeconds, 6);
        Assert.Equal(10 + 3.1, late.TransferSeconds, 6);
        Assert.All(new[] { immediate, early, late }, m => Assert.Equal(10e9, m.Bytes, 0));
    }

    [Fact]
    public void PostCopyMinimum_SwitchAfterTheFirstPass_LastsUntilTheSwitchAndThenPullsTheDirtyPages()
    {
        // 10 GB at 1 GB/s: the first pass is over after 10 s, but the guest (dirtying 2 GB/s, D ≥ R) cannot converge, so
        // it runs in pre-copy until the switch at 15 s; then the 4 GB working set, less the 0.9 GB a downtime carries.
        var post = UncontendedMigration.PostCopyMinimum(10e9, 2e9, 4e9, 1e9, 0.9, 15);

        Assert.Equal(15 + 3.1, post.TransferSeconds, 6);
        Assert.Equal(10e9, post.Bytes, 0);
    }

    [Fact]
    public void EarliestSwitchSeconds_ShorterConfiguredBudgetWins()
    {
        Assert.Equal(0.5 * 5, UncontendedMigration.EarliestSwitchSeconds(4.2e9, TimeSpan.FromSeconds(0.5)), 6);
        Assert.Equal(5, UncontendedMigration.EarliestSwitchSeconds(4.2e9, TimeSpan.FromSeconds(150)), 6);
    }
}
