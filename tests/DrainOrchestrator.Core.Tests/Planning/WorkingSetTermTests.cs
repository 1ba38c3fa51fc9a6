using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Tests.Planning;

/// <summary>
/// The cost model's working-set term: after the first pass at most the working set is dirty, and it drains at the
/// bandwidth minus the dirty rate.
/// </summary>
public sealed class WorkingSetTermTests
{
    private static readonly CostModelOptions Options = new() { TargetStartup = TimeSpan.FromSeconds(10) };
    private static readonly MigrationSettings Settings = MigrationSettings.KubeVirtDefaults;

    [Fact]
    public void Estimate_WorkingSetBelowWhatRoundsWouldResend_FirstPassThenTheWorkingSetDrained()
    {
        // 16 GB at 1.25 GB/s, dirtying 0.8 GB/s, working set 6 GB: 12.8 s, then (6 - 1.125) GB at 0.45 GB/s (10.83 s)
        // while 1.25 GB/s is sent, then the last 1.125 GB in the downtime.
        var estimate = MigrationCostModel.Estimate(16_000_000_000, 800_000_000, 1_250_000_000, Settings, Options, 6_000_000_000);
        var rounds = MigrationCostModel.Estimate(16_000_000_000, 800_000_000, 1_250_000_000, Settings, Options);

        var expected = (16e9 + (1.25e9 * (6e9 - 1.125e9) / 0.45e9) + 1.125e9) / 1.25e9;
        Assert.Equal(MigrationMode.PreCopy, estimate.Mode);
        Assert.Equal(10 + expected, estimate.Duration.TotalSeconds, 2);
        Assert.True(estimate.Duration < rounds.Duration - TimeSpan.FromSeconds(5), $"{estimate.Duration} against {rounds.Duration}");
    }

    [Fact]
    public void Estimate_WorkingSetFitsInTheDowntime_ConvergesAfterTheFirstPassWhateverTheDirtyRate()
    {
        var estimate = MigrationCostModel.Estimate(4_000_000_000, 2_000_000_000, 1_000_000_000, Settings, Options, 500_000_000);

        Assert.Equal(MigrationMode.PreCopy, estimate.Mode);
        Assert.Equal(10 + 4.5, estimate.Duration.TotalSeconds, 3);
    }

    [Fact]
    public void Estimate_DirtyRateAboveBandwidthAndWorkingSetAboveTheDowntime_StillWillNotComplete()
    {
        var estimate = MigrationCostModel.Estimate(4_000_000_000, 2_000_000_000, 1_000_000_000, Settings, Options, 2_000_000_000);

        Assert.Equal(MigrationMode.WillNotComplete, estimate.Mode);
    }

    [Fact]
    public void Estimate_WorkingSetThatDoesNotBind_SameAsWithoutIt()
    {
        var without = MigrationCostModel.Estimate(10_000_000_000, 500_000_000, 1_000_000_000, Settings, Options);
        var large = MigrationCostModel.Estimate(10_000_000_000, 500_000_000, 1_000_000_000, Settings, Options, 8_000_000_000);

        Assert.Equal(without, large);
    }
}
