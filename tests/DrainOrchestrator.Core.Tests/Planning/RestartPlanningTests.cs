using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Planning;

/// <summary>
/// The shutdown policy: KubeVirt's VM controller starts a deleted VMI again only under runStrategy Always, so that is
/// the only one the plan restarts; every other run strategy blocks the drain as CannotRestart.
/// </summary>
public sealed class RestartPlanningTests
{
    private static readonly DrainPolicy Shutdown = new() { NonMigratableAction = NonMigratableAction.Shutdown };

    private static DrainPlan Plan(RunStrategy runStrategy) => DrainPlanner.Plan(
        Make.Cluster([Make.Node("n1"), Make.Node("n2")], [Make.Vmi("vm", "n1", liveMigratable: false, reason: "DisksNotLiveMigratable", runStrategy: runStrategy)]),
        ["n1"], Shutdown);

    [Fact]
    public void Plan_ShutdownAndAlways_Restart()
    {
        var item = Assert.Single(Plan(RunStrategy.Always).Items);

        Assert.Equal(PlanDisposition.Restart, item.Disposition);
        Assert.Equal(0, item.Wave);
    }

    [Theory]
    [InlineData(RunStrategy.RerunOnFailure)]
    [InlineData(RunStrategy.Manual)]
    [InlineData(RunStrategy.Halted)]
    [InlineData(RunStrategy.Once)]
    [InlineData(RunStrategy.None)]
    public void Plan_ShutdownAndARunStrategyThatWouldNotStartItAgain_BlockedAsCannotRestart(RunStrategy runStrategy)
    {
        var blocker = Assert.Single(Plan(runStrategy).Blockers);

        Assert.Equal((PlanDisposition.Block, BlockReason.CannotRestart), (blocker.Disposition, blocker.Reason));
        Assert.Contains("DisksNotLiveMigratable", blocker.Detail, StringComparison.Ordinal);
        Assert.Contains(runStrategy == RunStrategy.None ? "no VirtualMachine" : runStrategy.ToString(), blocker.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RestartFailedAndOldVmiGone_GivesUpWithTheRestartsReason()
    {
        var attempt = new MigrationAttempt("uid-vm", 1, AttemptKind.Restart, "drain-x-1", "n1", null, false, AttemptStatus.Failed,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, FailureKind.Unknown, "the VM did not run again within 00:10:00");

        var decision = FailureDecider.Decide([attempt], null, new FailurePolicy());

        Assert.Equal(FailureVerdict.GiveUp, decision.Verdict);
        Assert.Equal("the restart elsewhere failed: the VM did not run again within 00:10:00", decision.Reason);
    }
}
