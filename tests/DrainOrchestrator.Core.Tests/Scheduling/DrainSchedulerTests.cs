using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

public sealed class DrainSchedulerTests
{
    private static readonly NodeSnapshot[] Nodes =
        [Make.Node("n1"), Make.Node("n2"), Make.Node("n3"), Make.Node("n4"), Make.Node("n5"), Make.Node("n6")];

    private static VmiSnapshot[] Vmis(string node, int count, long memoryGiB = 4) =>
        [.. Enumerable.Range(0, count).Select(i => Make.Vmi($"{node}-vm{i}", node, memoryGiB + i))];

    [Fact]
    public void Decide_ForeignMigrations_CountAgainstClusterAndNodeLimits()
    {
        var foreign = new[]
        {
            new MigrationSnapshot("other", "kubevirt-evacuation-1", "x", "n1", "n5", MigrationPhase.Running),
            new MigrationSnapshot("other", "kubevirt-evacuation-2", "y", "n5", null, MigrationPhase.Pending),
        };
        var cluster = Make.Cluster(Nodes, [.. Vmis("n1", 4), .. Vmis("n2", 4), .. Vmis("n3", 4), .. Vmis("n4", 4)], migrations: foreign);
        var policy = new DrainPolicy { MaxOutboundPerNode = 1 };

        var decision = DrainScheduler.Decide(State(cluster, ["n1", "n2", "n3", "n4"], policy), T0);

        var starts = decision.Actions.OfType<StartMigration>().ToList();
        Assert.Equal(3, starts.Count);
        Assert.DoesNotContain(starts, s => s.SourceNode == "n1");
    }

    [Fact]
    public void Decide_Targets_PinnedSpreadAndNeverDrainedOrOverInboundLimit()
    {
        var cluster = Make.Cluster(Nodes, [.. Vmis("n1", 6), .. Vmis("n2", 6), .. Vmis("n3", 6)]);
        var policy = new DrainPolicy { MaxInboundPerNode = 1 };

        var decision = DrainScheduler.Decide(State(cluster, ["n1", "n2", "n3"], policy), T0);

        var targets = decision.Actions.OfType<StartMigration>().Select(s => s.TargetNode).ToList();
        Assert.Equal(3, targets.Count);
        Assert.Equal(targets.Count, targets.Distinct().Count());
        Assert.All(targets, t => Assert.Contains(t, new[] { "n4", "n5", "n6" }));
    }

    [Fact]
    public void Decide_LongestFirstOnBusiestSource()
    {
        var cluster = Make.Cluster(Nodes, [.. Vmis("n1", 3), .. Vmis("n2", 1)]);
        var policy = new DrainPolicy { MaxParallelMigrations = 1 };

        var start = Assert.IsType<StartMigration>(Assert.Single(DrainScheduler.Decide(State(cluster, ["n1", "n2"], policy), T0).Actions));

        Assert.Equal("n1-vm2", start.Vmi.Name);
        Assert.Equal(MigrationNaming.VmimName(DrainId, start.Vmi.Uid, 1), start.Name);
    }

    [Fact]
    public void Decide_Paused_StartsNothing()
    {
        var cluster = Make.Cluster(Nodes, Vmis("n1", 2));

        var decision = DrainScheduler.Decide(State(cluster, ["n1"], paused: true), T0);

        Assert.Empty(decision.Actions);
        Assert.Equal(2, decision.Remaining);
    }

    [Fact]
    public void Decide_Barrier_NextWaveWaitsForWholePreviousWave()
    {
        var cluster = Make.Cluster(Nodes, [.. Vmis("n1", 3), .. Vmis("n2", 3)]);
        var policy = new DrainPolicy { MaxParallelMigrations = 2, MaxOutboundPerNode = 1, WaveMode = WaveMode.Barrier };
        var state = State(cluster, ["n1", "n2"], policy);
        var first = DrainScheduler.Decide(state, T0).Actions.OfType<StartMigration>().ToList();
        Assert.Equal(2, first.Count);
        var attempts = new List<MigrationAttempt> { Finish(InFlight(first[0], T0), T0.AddMinutes(1)), InFlight(first[1], T0) };

        var barrier = DrainScheduler.Decide(state with { Attempts = attempts }, T0.AddMinutes(1));
        var rolling = DrainScheduler.Decide(state with { Attempts = attempts, Policy = policy with { WaveMode = WaveMode.Rolling } }, T0.AddMinutes(1));

        Assert.Empty(barrier.Actions);
        Assert.Single(rolling.Actions);
    }

    [Fact]
    public void Decide_FailedAttempt_WakesAtBackoffThenRetriesWithPostCopyElsewhereIfTargetFault()
    {
        var cluster = Make.Cluster(Nodes, Vmis("n1", 1));
        var state = State(cluster, ["n1"]);
        var start = Assert.IsType<StartMigration>(Assert.Single(DrainScheduler.Decide(state, T0).Actions));
        var failedAt = T0.AddMinutes(5);
        var failed = Finish(InFlight(start, T0), failedAt, FailureKind.TargetPodFailed);

        var waiting = DrainScheduler.Decide(state with { Attempts = [failed] }, failedAt);
        var retry = DrainScheduler.Decide(state with { Attempts = [failed] }, waiting.WakeAt!.Value);

        Assert.Empty(waiting.Actions);
        Assert.Equal(failedAt + state.Policy.Failure.InitialBackoff, waiting.WakeAt);
        var second = Assert.IsType<StartMigration>(Assert.Single(retry.Actions));
        Assert.Equal(2, second.Attempt);
        Assert.NotEqual(start.TargetNode, second.TargetNode);
    }

    [Fact]
    public void Decide_NonConvergence_RetryCarriesPostCopy()
    {
        var state = State(Make.Cluster(Nodes, Vmis("n1", 1)), ["n1"]);
        var start = (StartMigration)DrainScheduler.Decide(state, T0).Actions[0];
        var failed = Finish(InFlight(start, T0), T0, FailureKind.DidNotConverge);

        var retry = DrainScheduler.Decide(state with { Attempts = [failed] }, T0.AddHours(1));

        Assert.True(((StartMigration)retry.Actions[0]).PostCopy);
    }

    [Fact]
    public void Decide_AttemptsExhausted_GivenUpAndComplete()
    {
        var state = State(Make.Cluster(Nodes, Vmis("n1", 1)), ["n1"], new DrainPolicy { Failure = new FailurePolicy { MaxAttempts = 1 } });
        var start = (StartMigration)DrainScheduler.Decide(state, T0).Actions[0];

        var decision = DrainScheduler.Decide(state with { Attempts = [Finish(InFlight(start, T0), T0, FailureKind.ApiError)] }, T0);

        Assert.Single(decision.GivenUp);
        Assert.True(decision.IsComplete);
    }

    [Fact]
    public void Decide_VmiAlreadyMigratingByForeignVmim_NotStarted()
    {
        var vmi = Make.Vmi("vm", "n1");
        var foreign = new MigrationSnapshot("default", "someone-else", "vm", "n1", null, MigrationPhase.Pending);
        var state = State(Make.Cluster(Nodes, [vmi]), ["n1"]) with { Cluster = Make.Cluster(Nodes, [vmi], migrations: [foreign]) };

        Assert.Empty(DrainScheduler.Decide(state, T0).Actions);
    }

    [Fact]
    public void Decide_DedicatedBandwidthVm_StartsAloneOnSourceAndGetsUnsharedTarget()
    {
        var nodes = new[] { Make.Node("n1", nic: 1_000_000_000), Make.Node("n2"), Make.Node("n3"), Make.Node("n4") };
        var hot = Make.Vmi("hot", "n1", memoryGiB: 8, dirtyRate: 700_000_000);
        var cluster = Make.Cluster(nodes, [hot, Make.Vmi("cold", "n1"), Make.Vmi("other", "n2", memoryGiB: 30)]);

        var starts = DrainScheduler.Decide(State(cluster, ["n1", "n2"]), T0).Actions.OfType<StartMigration>().ToList();

        var hotStart = Assert.Single(starts, s => s.SourceNode == "n1");
        Assert.Equal("hot", hotStart.Vmi.Name);
        Assert.DoesNotContain(starts, s => s != hotStart && s.TargetNode == hotStart.TargetNode);
    }

    [Fact]
    public void Decide_ShutdownPolicy_EmitsRestartForNonMigratable()
    {
        var cluster = Make.Cluster(Nodes, [Make.Vmi("pinned", "n1", liveMigratable: false)]);

        var decision = DrainScheduler.Decide(State(cluster, ["n1"], new DrainPolicy { NonMigratableAction = NonMigratableAction.Shutdown }), T0);

        Assert.Equal("pinned", Assert.IsType<RestartElsewhere>(Assert.Single(decision.Actions)).Vmi.Name);
    }

    [Fact]
    public void Decide_LaterDrainNodes_UsedOnlyAsLastResort()
    {
        var cluster = Make.Cluster([Make.Node("n1"), Make.Node("big", memoryGiB: 512), Make.Node("small", memoryGiB: 16)], Vmis("n1", 1));
        var state = State(cluster, ["n1"]) with { LaterDrainNodes = new HashSet<string> { "big" } };

        Assert.Equal("small", ((StartMigration)DrainScheduler.Decide(state, T0).Actions[0]).TargetNode);
    }
}
