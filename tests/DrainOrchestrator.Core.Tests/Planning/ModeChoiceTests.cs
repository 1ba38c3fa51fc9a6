using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Planning;

/// <summary>
/// A guest predicted not to converge in pre-copy even with its NIC to itself starts in post-copy when the failure
/// policy allows post-copy, and the plan warns before anything moves when it does not.
/// </summary>
public sealed class ModeChoiceTests
{
    private const long Cap = 268_435_456; // bandwidthPerMigration 256Mi

    private static readonly ClusterMigrationConfig Capped = ClusterMigrationConfig.KubeVirtDefaults with
    {
        ProgressTimeout = TimeSpan.FromSeconds(60),
        Settings = MigrationSettings.KubeVirtDefaults with { BandwidthPerMigrationBytesPerSecond = Cap },
    };

    private static readonly NodeSnapshot[] Nodes =
        [Make.Node("w1", nic: 3_125_000_000), Make.Node("w2", nic: 3_125_000_000), Make.Node("w3", nic: 3_125_000_000)];

    [Fact]
    public void Plan_DirtyRateAboveTheCap_PostCopyAllowed_StartsInPostCopyAtTheFirstAttempt()
    {
        var cluster = Make.Cluster(Nodes, [Make.Vmi("cache", "w1", 16, dirtyRate: 400L * 1024 * 1024)], Capped);
        var state = State(cluster, ["w1"]);
        var item = Assert.Single(state.Plan.Items);

        var start = Assert.IsType<StartMigration>(Assert.Single(DrainScheduler.Decide(state, T0).Actions));

        Assert.True(item.StartsInPostCopy);
        Assert.Equal(MigrationMode.PostCopy, item.Estimate.Mode);
        Assert.Null(item.ConvergenceWarning);
        Assert.Empty(state.Plan.Warnings);
        Assert.Equal(1, start.Attempt);
        Assert.True(start.PostCopy);
        Assert.Equal(16.0 * Make.GiB / Cap, start.PostCopyFirstPass!.Value.TotalSeconds, 3);
    }

    [Fact]
    public void Plan_QuietGuestUnderTheCap_StaysInPreCopy()
    {
        var cluster = Make.Cluster(Nodes, [Make.Vmi("web", "w1", 4, dirtyRate: 20L * 1024 * 1024)], Capped);
        var state = State(cluster, ["w1"]);

        var start = Assert.IsType<StartMigration>(Assert.Single(DrainScheduler.Decide(state, T0).Actions));

        Assert.False(Assert.Single(state.Plan.Items).StartsInPostCopy);
        Assert.False(start.PostCopy);
        Assert.Null(start.PostCopyFirstPass);
    }

    [Fact]
    public void Plan_PostCopyForbiddenByLabel_WarnsBeforeAnythingMovesAndStartsInPreCopy()
    {
        var forbidden = Make.Labels(FailurePolicy.DefaultPostCopyForbiddenLabel + "=true");
        var cluster = Make.Cluster(Nodes, [Make.Vmi("ledger", "w1", 16, labels: forbidden, dirtyRate: 400L * 1024 * 1024)], Capped);
        var state = State(cluster, ["w1"]);
        var item = Assert.Single(state.Plan.Items);

        var start = Assert.IsType<StartMigration>(Assert.Single(DrainScheduler.Decide(state, T0).Actions));

        Assert.False(item.StartsInPostCopy);
        Assert.False(start.PostCopy);
        var warning = Assert.Single(state.Plan.Warnings);
        Assert.Equal(item.ConvergenceWarning, warning);
        Assert.Contains("default/ledger", warning, StringComparison.Ordinal);
        Assert.Contains(FailurePolicy.DefaultPostCopyForbiddenLabel, warning, StringComparison.Ordinal);
        Assert.Contains("retrying cannot succeed", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NoPostCopyFallback_WarnsThatThePolicyForbidsIt()
    {
        var cluster = Make.Cluster(Nodes, [Make.Vmi("cache", "w1", 16, dirtyRate: 400L * 1024 * 1024)], Capped);
        var policy = new DrainPolicy { Failure = new FailurePolicy { PostCopyFallback = false } };

        var plan = DrainPlanner.Plan(cluster, ["w1"], policy);

        Assert.False(Assert.Single(plan.Items).StartsInPostCopy);
        Assert.Contains("does not fall back to post-copy", Assert.Single(plan.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ConvergesAloneButNotShared_GetsItsNicToItselfNotPostCopy()
    {
        var nodes = new[] { Make.Node("n1", nic: 1_000_000_000), Make.Node("n2"), Make.Node("n3") };
        var cluster = Make.Cluster(nodes, [Make.Vmi("hot", "n1", 8, dirtyRate: 700_000_000)]);

        var item = Assert.Single(DrainPlanner.Plan(cluster, ["n1"], new DrainPolicy()).Items);

        Assert.True(item.NeedsDedicatedBandwidth);
        Assert.False(item.StartsInPostCopy);
        Assert.Null(item.ConvergenceWarning);
    }

    [Fact]
    public void Decide_ForbiddingLabelAddedAfterThePlan_FirstAttemptStaysInPreCopy()
    {
        var cache = Make.Vmi("cache", "w1", 16, dirtyRate: 400L * 1024 * 1024);
        var state = State(Make.Cluster(Nodes, [cache], Capped), ["w1"]);
        var labelled = cache with { Labels = Make.Labels(FailurePolicy.DefaultPostCopyForbiddenLabel + "=true") };

        var start = Assert.IsType<StartMigration>(Assert.Single(
            DrainScheduler.Decide(state with { Cluster = Make.Cluster(Nodes, [labelled], Capped) }, T0).Actions));

        Assert.True(Assert.Single(state.Plan.Items).StartsInPostCopy);
        Assert.False(start.PostCopy);
    }

    [Theory]
    [InlineData(27.5, 1)] // 32 GiB (35 started GB) sent once in 27.5 s: 1 s per GB, a 35 s budget
    [InlineData(100, 2)] // half the progress timeout (75 s) is sooner: 2 s per GB as without a first pass
    public void SwitchOverTimeoutPerGiB_FirstPassKnown_SwitchesRightAfterIt(double firstPassSeconds, int expected)
    {
        var perGiB = PostCopyPolicyDesigner.SwitchOverTimeoutPerGiB(32 * Make.GiB, TimeSpan.FromSeconds(150),
            TimeSpan.FromSeconds(150), TimeSpan.FromSeconds(firstPassSeconds));

        Assert.Equal(TimeSpan.FromSeconds(expected), perGiB);
    }
}
