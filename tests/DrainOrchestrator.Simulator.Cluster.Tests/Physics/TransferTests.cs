
namespace DrainOrchestrator.Simulator.Cluster.Tests.Physics;

public sealed class TransferTests
{
    private static readonly Dictionary<string, string> PostCopyLabel = new() { ["migration"] = "post-copy-ok" };

    /// <summary>A 2 GiB guest re-writing all its memory at 2 GiB/s behind a 10 Gbit/s NIC: budget 30 s × ceil(2.15) = 90 s.</summary>
    private static ClusterScenario HotGuest(IEnumerable<MigrationPolicy>? policies = null, MigrationConfig? config = null) =>
        TestClusters.Scenario(
            [TestClusters.Node("n1"), TestClusters.Node("n2")],
            [TestClusters.Vm("hot", "n1", memoryGiB: 2, dirtyMiB: 2048, labels: PostCopyLabel) with { WorkingSetBytes = 2 * TestClusters.GiB }],
            config ?? MigrationConfig.Default with { CompletionTimeoutPerGiB = TimeSpan.FromSeconds(30) })
        with
        {
            MigrationPolicies = [.. policies ?? []],
        };

    [Fact]
    public void RunUntilIdle_DirtyRateAboveBandwidthWithoutPostCopy_AbortedAfterCompletionBudget()
    {
        var cluster = SimulatedCluster.Create(HotGuest());
        cluster.Migrate("hot");

        cluster.RunToEnd();

        var truth = cluster.Truth("mig-hot");
        Assert.Equal(MigrationOutcome.Failed, truth.Outcome);
        Assert.Equal("Live migration is not completed after 90 seconds and has been aborted", truth.FailureReason);
        Assert.Equal(MigrationMode.PreCopy, truth.Mode);
        Assert.Equal("n1", cluster.GetVmi(TestClusters.Ns, "hot")!.NodeName);
        Assert.True(truth.BytesProcessed > 2 * TestClusters.GiB);
        var state = cluster.GetVmi(TestClusters.Ns, "hot")!.MigrationState!;
        Assert.True(state.Failed);
        Assert.Equal(truth.FailureReason, state.FailureReason);
    }

    [Fact]
    public void RunUntilIdle_DirtyRateAboveBandwidthWithPostCopyPolicy_SucceedsInPostCopy()
    {
        var policy = new MigrationPolicy { Name = "post-copy", VirtualMachineInstanceSelector = PostCopyLabel, AllowPostCopy = true };
        var cluster = SimulatedCluster.Create(HotGuest([policy]));
        cluster.Migrate("hot");

        cluster.RunToEnd();

        var truth = cluster.Truth("mig-hot");
        var vmi = cluster.GetVmi(TestClusters.Ns, "hot")!;
        Assert.Equal(MigrationOutcome.Succeeded, truth.Outcome);
        Assert.Equal(MigrationMode.PostCopy, truth.Mode);
        Assert.Equal("post-copy", truth.MigrationPolicyName);
        Assert.Equal("n2", vmi.NodeName);
        Assert.Equal(MigrationMode.PostCopy, vmi.MigrationState!.Mode);
        Assert.True(vmi.MigrationState.MigrationConfiguration!.AllowPostCopy);
    }

    [Fact]
    public void RunUntilIdle_WorkloadDisruptionWithoutPostCopy_PausesAndCompletes()
    {
        var config = MigrationConfig.Default with { CompletionTimeoutPerGiB = TimeSpan.FromSeconds(30), AllowWorkloadDisruption = true };
        var cluster = SimulatedCluster.Create(HotGuest(config: config));
        cluster.Migrate("hot");

        cluster.RunToEnd();

        var truth = cluster.Truth("mig-hot");
        Assert.Equal(MigrationOutcome.Succeeded, truth.Outcome);
        Assert.Equal(MigrationMode.Paused, truth.Mode);
    }

    [Fact]
    public void RunUntilIdle_PolicySelectingTheNodeNameLabel_MatchesTheSourceNode()
    {
        var selector = new Dictionary<string, string>(PostCopyLabel) { [MigrationPolicyResolver.NodeNameLabel] = "n1" };
        var policy = new MigrationPolicy { Name = "on-n1", VirtualMachineInstanceSelector = selector, AllowPostCopy = true };
        var cluster = SimulatedCluster.Create(HotGuest([policy]));
        cluster.Migrate("hot");

        cluster.RunToEnd();

        Assert.Equal("on-n1", cluster.Truth("mig-hot").MigrationPolicyName);
    }

    [Fact]
    public void RunUntilIdle_RemainingStopsFalling_AbortedByProgressTimeout()
    {
        var config = MigrationConfig.Default with { ProgressTimeout = TimeSpan.FromSeconds(40) };
        var cluster = SimulatedCluster.Create(HotGuest(config: config));
        cluster.Migrate("hot");

        cluster.RunToEnd();

        Assert.Equal("Live migration stuck for 40 seconds and has been aborted", cluster.Truth("mig-hot").FailureReason);
    }

    [Fact]
    public void RunUntilIdle_AutoConverge_ThrottlesGuestUntilItConverges()
    {
        var config = MigrationConfig.Default with { AllowAutoConverge = true };
        var cluster = SimulatedCluster.Create(HotGuest(config: config));
        cluster.Migrate("hot");

        cluster.RunToEnd();

        Assert.Equal(MigrationOutcome.Succeeded, cluster.Truth("mig-hot").Outcome);
    }

    [Fact]
    public void RunUntilIdle_TwoMigrationsShareSourceNic_EachTakesLongerThanAlone()
    {
        static TimeSpan Duration(MigrationTruth m) =>
            m.PhaseTransitions[^1].At - m.PhaseTransitions.First(p => p.Phase == MigrationPhase.Running).At;
        var alone = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(2));
        alone.Migrate("a-1");
        alone.RunToEnd();
        var shared = SimulatedCluster.Create(TestClusters.TwoLoadedNodes(2));
        shared.Migrate("a-1");
        shared.Migrate("a-2");
        shared.RunToEnd();

        var single = Duration(alone.Truth("mig-a-1"));
        var both = Duration(shared.Truth("mig-a-1"));
        Assert.True(both > single * 1.6, $"alone {single}, shared {both}");
    }

    [Fact]
    public void RunUntilIdle_BandwidthPerMigrationCap_SlowsTransfer()
    {
        var capped = MigrationConfig.Default with { BandwidthPerMigration = 100 * TestClusters.MiB };
        var cluster = SimulatedCluster.Create(TestClusters.Scenario(
            [TestClusters.Node("n1"), TestClusters.Node("n2")], [TestClusters.Vm("vm", "n1", memoryGiB: 1, dirtyMiB: 1)], capped));
        cluster.Migrate("vm");

        cluster.RunToEnd();

        var truth = cluster.Truth("mig-vm");
        var running = truth.PhaseTransitions[^1].At - truth.PhaseTransitions.First(p => p.Phase == MigrationPhase.Running).At;
        Assert.InRange(running.TotalSeconds, 10, 11);
    }
}
