using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Tests.Migrate;

public sealed class AttemptReconcilerTests
{
    private static AttemptRecord Record(AttemptOutcome outcome, string? uid = "u1") => new(1, Guid.NewGuid(), 1, 1, "ns", "vm", "vmi-uid",
        "w1", "w2", "drain-x-1", uid, null, outcome, null, null, null, null, "{}", false, DateTimeOffset.UnixEpoch, null, null, null);

    private static VirtualMachineInstance Vmi(VirtualMachineInstanceMigrationState? state, string node = "w2") => new()
    {
        Metadata = new ObjectMeta { Name = "vm", Namespace = "ns", Uid = "vmi-uid" },
        Status = new VirtualMachineInstanceStatus { NodeName = node, MigrationState = state },
    };

    private static VirtualMachineInstanceMigration Vmim(string phase, VirtualMachineInstanceMigrationState? state = null) => new()
    {
        Metadata = new ObjectMeta { Name = "drain-x-1", Namespace = "ns", Uid = "u1" },
        Status = new VirtualMachineInstanceMigrationStatus { Phase = phase, MigrationState = state },
    };

    [Fact]
    public void Observe_IntentAbsentAtTheApiServer_NotCreatedByTheInfrastructureSoNotCharged()
    {
        var observation = AttemptReconciler.Observe(Record(AttemptOutcome.Intended, null), null, Vmi(null), absentAtServer: true);

        Assert.Equal(AttemptOutcome.NotCreated, observation!.Outcome);
        Assert.Equal(nameof(FailureKind.Infrastructure), observation.FailureClass);
    }

    [Fact]
    public void Observe_IntentAbsentOnlyFromTheView_NothingYet()
    {
        Assert.Null(AttemptReconciler.Observe(Record(AttemptOutcome.Intended, null), null, Vmi(null, "w1"), absentAtServer: false));
    }

    [Fact]
    public void Observe_FailedVmim_ClassifiedFromReason()
    {
        var state = new VirtualMachineInstanceMigrationState { MigrationUid = "u1", Failed = true, FailureReason = "Live migration stuck for 150 sec" };

        var observation = AttemptReconciler.Observe(Record(AttemptOutcome.Running), Vmim("Failed", state), Vmi(state), true);

        Assert.Equal((AttemptOutcome.Failed, "Stalled"), (observation!.Outcome, observation.FailureClass));
    }

    [Fact]
    public void Observe_VmimGoneAfterSuccessWhileDown_SucceededFromVmiState()
    {
        var state = new VirtualMachineInstanceMigrationState { MigrationUid = "u1", Completed = true, Mode = "PostCopy", TargetNode = "w2" };

        var observation = AttemptReconciler.Observe(Record(AttemptOutcome.Created), null, Vmi(state), true);

        Assert.Equal((AttemptOutcome.Succeeded, "PostCopy"), (observation!.Outcome, observation.Mode));
    }

    [Fact]
    public void Observe_VmimDeletedBeforeFinishingVmiOnSource_AbortedExternallyAndNotCharged()
    {
        var observation = AttemptReconciler.Observe(Record(AttemptOutcome.Running), null, Vmi(null, "w1"), false);

        Assert.Equal((AttemptOutcome.Aborted, nameof(FailureKind.AbortedExternally)), (observation!.Outcome, observation.FailureClass));
        Assert.False(FailureDecider.IsCharged(FailureKind.AbortedExternally));
    }

    [Fact]
    public void Observe_VmimDeletedWhileItsMigrationRan_AbortedExternally()
    {
        var state = new VirtualMachineInstanceMigrationState { MigrationUid = "u1", TargetNode = "w2" };

        var observation = AttemptReconciler.Observe(Record(AttemptOutcome.Running), null, Vmi(state, "w1"), false);

        Assert.Equal((AttemptOutcome.Aborted, nameof(FailureKind.AbortedExternally)), (observation!.Outcome, observation.FailureClass));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Observe_AbortedWhileUnfinishedHere_AbortedExternallyNotCharged(bool vmimStillSeen)
    {
        // KubeVirt's end of a deleted VMIM: the VMI's migration state says aborted and failed. This drain records its own
        // aborts first, so an unfinished record that ends so was aborted by someone else.
        var state = new VirtualMachineInstanceMigrationState
        {
            MigrationUid = "u1",
            TargetNode = "w2",
            Failed = true,
            AbortRequested = true,
            AbortStatus = "Succeeded",
            FailureReason = "Live migration aborted",
        };

        var observation = AttemptReconciler.Observe(Record(AttemptOutcome.Running), vmimStillSeen ? Vmim("Failed", state) : null,
            Vmi(state, "w1"), false);

        Assert.Equal((AttemptOutcome.Aborted, nameof(FailureKind.AbortedExternally)), (observation!.Outcome, observation.FailureClass));
    }

    [Fact]
    public void Observe_VmimGarbageCollectedAfterALaterMigrationVmiOnTarget_Succeeded()
    {
        // A later migration of the VMI overwrote its migration state; the VMI of the same uid runs on our target.
        var later = new VirtualMachineInstanceMigrationState { MigrationUid = "someone-else", Completed = true, TargetNode = "w3" };

        var observation = AttemptReconciler.Observe(Record(AttemptOutcome.Running), null, Vmi(later, "w2"), false);

        Assert.Equal((AttemptOutcome.Succeeded, "w2"), (observation!.Outcome, observation.TargetNode));
    }

    [Fact]
    public void Observe_VanishedCreateUidNeverLearntVmiOnTarget_Succeeded()
    {
        var observation = AttemptReconciler.Observe(Record(AttemptOutcome.Created, uid: null), null, Vmi(null, "w2"), false);

        Assert.Equal(AttemptOutcome.Succeeded, observation!.Outcome);
    }

    [Fact]
    public void Observe_VmimGoneVmiFailedItsMigration_FailedFromVmiState()
    {
        var state = new VirtualMachineInstanceMigrationState { MigrationUid = "u1", Failed = true, FailureReason = "Live migration stuck for 150 sec" };

        var observation = AttemptReconciler.Observe(Record(AttemptOutcome.Running), null, Vmi(state, "w1"), false);

        Assert.Equal((AttemptOutcome.Failed, "Stalled"), (observation!.Outcome, observation.FailureClass));
    }

    [Fact]
    public void Observe_RunningUnchanged_NoWrite()
    {
        var record = Record(AttemptOutcome.Running) with { PhaseTimestampsJson = "{}" };

        Assert.Null(AttemptReconciler.Observe(record, Vmim("Running"), Vmi(null), true));
    }
}
