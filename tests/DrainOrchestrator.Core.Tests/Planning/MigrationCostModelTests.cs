using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Tests.Planning;

public sealed class MigrationCostModelTests
{
    private static readonly CostModelOptions Options = new() { TargetStartup = TimeSpan.FromSeconds(10) };
    private static readonly MigrationSettings Settings = MigrationSettings.KubeVirtDefaults;

    [Fact]
    public void Estimate_IdleGuest_MemoryOverBandwidthPlusStartup()
    {
        var estimate = MigrationCostModel.Estimate(10_000_000_000, 0, 1_000_000_000, Settings, Options);

        Assert.Equal(MigrationMode.PreCopy, estimate.Mode);
        Assert.Equal(20, estimate.Duration.TotalSeconds, 3);
    }

    [Fact]
    public void Estimate_DirtyingGuest_LongerThanIdleAndConverges()
    {
        var idle = MigrationCostModel.Estimate(10_000_000_000, 0, 1_000_000_000, Settings, Options);
        var busy = MigrationCostModel.Estimate(10_000_000_000, 500_000_000, 1_000_000_000, Settings, Options);

        Assert.Equal(MigrationMode.PreCopy, busy.Mode);
        Assert.True(busy.Duration > idle.Duration);
        Assert.True(busy.Duration.TotalSeconds < 10 + 20 + 0.1);
    }

    [Fact]
    public void Estimate_DirtyRateAboveBandwidth_WillNotCompleteWithoutPostCopy()
    {
        var estimate = MigrationCostModel.Estimate(4_000_000_000, 2_000_000_000, 1_000_000_000, Settings, Options);

        Assert.Equal(MigrationMode.WillNotComplete, estimate.Mode);
        Assert.Equal(10 + (150 * 4), estimate.Duration.TotalSeconds, 3);
    }

    [Fact]
    public void Estimate_DirtyRateAboveBandwidthWithPostCopy_SwitchesAfterBudget()
    {
        var estimate = MigrationCostModel.Estimate(4_000_000_000, 2_000_000_000, 1_000_000_000,
            Settings with { AllowPostCopy = true }, Options);

        Assert.Equal(MigrationMode.PostCopy, estimate.Mode);
        Assert.Equal(10 + 600 + 4, estimate.Duration.TotalSeconds, 3);
    }

    [Fact]
    public void Estimate_AutoConverge_ThrottlesTheGuestToConvergence()
    {
        var estimate = MigrationCostModel.Estimate(4_000_000_000, 2_000_000_000, 1_000_000_000,
            Settings with { AllowAutoConverge = true }, Options);

        Assert.Equal(MigrationMode.PreCopy, estimate.Mode);
    }

    [Theory]
    [InlineData(10_000L, 2, 0L, 5_000L)]
    [InlineData(10_000L, 1, 3_000L, 3_000L)]
    [InlineData(null, 1, 0L, 1_250_000_000L)]
    public void EffectiveBandwidth_NicShareCappedPerMigration(long? nic, int sharedBy, long cap, long expected)
    {
        Assert.Equal(expected, MigrationCostModel.EffectiveBandwidth(nic, sharedBy,
            Settings with { BandwidthPerMigrationBytesPerSecond = cap }, Options));
    }
}
