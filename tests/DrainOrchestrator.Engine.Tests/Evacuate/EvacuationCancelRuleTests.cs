using DrainOrchestrator.Engine.Evacuate;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Evacuations;

namespace DrainOrchestrator.Engine.Tests.Evacuate;

public sealed class EvacuationCancelRuleTests
{
    private static KubeVirt Limit(int perCluster) => new()
    {
        Spec = new KubeVirtSpec { Configuration = new KubeVirtConfiguration { Migrations = new MigrationConfiguration { ParallelMigrationsPerCluster = perCluster } } },
    };

    private static EvacuationVmRecord Vm(string name, EvacuationVmState state, string? failure = null) =>
        new(name, "uid-" + name, 1, 0, 1 << 30, 0, state, 1, "node-1", null, failure, null, null);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Pending")]
    [InlineData("Scheduling")]
    [InlineData("Scheduled")]
    [InlineData("WaitingForSync")]
    public void IsBefore_PhasesBeforeTheHandOff_True(string? phase) => Assert.True(EvacuationHandOff.IsBefore(phase));

    [Theory]
    [InlineData("Synchronizing")]
    [InlineData("PreparingTarget")]
    [InlineData("TargetReady")]
    [InlineData("Running")]
    [InlineData("Succeeded")]
    [InlineData("Failed")]
    public void IsBefore_HandOffOrLater_False(string phase) => Assert.False(EvacuationHandOff.IsBefore(phase));

    [Fact]
    public void MayAbort_BothWaitingForSync_True() => Assert.True(EvacuationHandOff.MayAbort(true, "WaitingForSync", true, "WaitingForSync"));

    [Fact]
    public void MayAbort_OnlyTheReceiverExists_True() => Assert.True(EvacuationHandOff.MayAbort(false, null, true, "WaitingForSync"));

    [Fact]
    public void MayAbort_OneSideHandedOff_False() => Assert.False(EvacuationHandOff.MayAbort(true, "WaitingForSync", true, "Synchronizing"));

    [Fact]
    public void MayAbort_NeitherExists_False() => Assert.False(EvacuationHandOff.MayAbort(false, null, false, null));

    [Fact]
    public void CancelledSummary_NamesTheMovedAndTheOthersWithTheirReasons()
    {
        var summary = EvacuationOutcome.CancelledSummary(
            [Vm("web-1", EvacuationVmState.Succeeded), Vm("web-2", EvacuationVmState.Cancelled, "not started: the evacuation was cancelled"),
                Vm("web-3", EvacuationVmState.Cancelled)], "apps");

        Assert.Equal("cancelled: 1 of 3 VM(s) moved (web-1); not moved, still running in apps: web-2 (not started: the evacuation was cancelled); "
            + "web-3 (cancelled)", summary);
    }

    [Fact]
    public void Of_AllMoved_SucceededWithoutError() =>
        Assert.Equal((EvacuationState.Succeeded, (string?)null), EvacuationOutcome.Of([Vm("web-1", EvacuationVmState.Succeeded)], "apps"));

    [Fact]
    public void Of_OneFailed_FailedNamingIt()
    {
        var (state, error) = EvacuationOutcome.Of([Vm("web-1", EvacuationVmState.Succeeded), Vm("web-2", EvacuationVmState.Failed, "boom")], "apps");

        Assert.Equal(EvacuationState.Failed, state);
        Assert.Equal("1 of 2 VM(s) could not be moved and keep running in apps: web-2: boom", error);
    }

    [Theory]
    [InlineData(true, 5, 5, 1, true)]
    [InlineData(true, 5, 5, 2, false)]
    [InlineData(false, 5, 3, 2, true)]
    [InlineData(false, 5, 3, 3, false)]
    [InlineData(false, 2, 5, 2, false)]
    public void RoomForAnother_CountsOwnPairsAgainstTheSmallerLimit(bool sameCluster, int sourceLimit, int targetLimit, int moving, bool room) =>
        Assert.Equal(room, EvacuationSlots.RoomForAnother(sameCluster, Limit(sourceLimit), Limit(targetLimit), moving));
}
