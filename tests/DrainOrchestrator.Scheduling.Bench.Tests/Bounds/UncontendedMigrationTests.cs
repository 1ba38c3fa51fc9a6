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
        // First pass 10 s; 5 GB dirtied but at most 2 GB re-dirtied; 2 GB - 0.9 GB drains at 0.5 GB/s: 2.2 s more.
        var alone = UncontendedMigration.Of(10e9, 0.5e9, 2e9, 1e9, 0.9);

        Assert.Equal(12.2, alone.TransferSeconds, 6);
        Assert.Equal(12.2e9, alone.Bytes, 0);
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

        Assert.InRange(alone.TransferSeconds, 26, 27.5);
    }
}
