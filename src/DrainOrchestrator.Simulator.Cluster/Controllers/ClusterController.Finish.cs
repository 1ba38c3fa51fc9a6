namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ClusterController
{
    private void Succeed(MigrationJob job)
    {
        var vm = job.Vm;
        var transfer = job.Transfer!;
        transfer.Processed += transfer.FirstPass + transfer.Dirty; // the stop-and-copy
        transfer.FirstPass = 0;
        transfer.Dirty = 0;
        transfer.DiskRemaining = 0;
        Transfers.Remove(transfer, Now);
        if (job.Peer is not null)
        {
            SucceedDecentralized(job);
            return;
        }

        var sourcePod = vm.Pod;
        vm.Pod = job.TargetPod;
        job.TargetPod = null;
        if (sourcePod is not null)
        {
            sourcePod.Phase = PodPhase.Succeeded;
            DeletePod(sourcePod);
        }

        var state = vm.MigrationState!;
        vm.MigrationState = state with
        {
            Completed = true,
            EndTimestamp = Now,
            AbortStatus = state.AbortRequested ? AbortStatus.Failed : state.AbortStatus,
        };
        PublishVmi(vm);
        job.FinalMigrationState = vm.MigrationState;
        SetPhase(job, MigrationPhase.Succeeded);
        Finish(job);
    }

    /// <summary>Ends a VMIM as Failed from any phase: its target pod goes, the guest stays where it is.</summary>
    private void Fail(MigrationJob job, string reason, bool aborted = false)
    {
        if (job.IsFinal)
        {
            return;
        }

        if (job.Decentralized?.Role == DecentralizedRole.Receiver && job.Peer is { IsFinal: false } sender)
        {
            sender.Owner.Fail(sender, reason, aborted); // the sender ends the pair; the receiver follows it
            return;
        }

        _pending.Remove(job);
        _unplaced.Remove(job);
        if (job.Transfer is { } transfer)
        {
            Transfers.Remove(transfer, Now);
        }

        if (job.TargetPod is { } pod)
        {
            TargetSide(job).DeletePod(pod);
            job.TargetPod = null;
        }

        var vm = job.Vm;
        if (vm.MigrationState is { } state && state.MigrationUid == job.Uid)
        {
            vm.MigrationState = state with
            {
                Completed = true,
                Failed = true,
                FailureReason = reason,
                EndTimestamp = Now,
                AbortRequested = state.AbortRequested || aborted,
                AbortStatus = aborted ? AbortStatus.Succeeded : state.AbortStatus,
            };
            job.FinalMigrationState = vm.MigrationState;
            if (vm.VmiUid == job.VmiUid)
            {
                PublishVmi(vm);
            }
        }

        job.FailureReason = reason;
        if (job.Peer is { } peer)
        {
            peer.FailureReason = reason;
            if (peer.Vm.MigrationState is { } receiverState && receiverState.MigrationUid == peer.Uid)
            {
                peer.Vm.MigrationState = receiverState with { Completed = true, Failed = true, FailureReason = reason, EndTimestamp = Now };
                peer.FinalMigrationState = peer.Vm.MigrationState;
                peer.Owner.PublishVmi(peer.Vm);
            }
        }

        SetPhase(job, MigrationPhase.Failed);
        Finish(job);
    }

    private void Finish(MigrationJob job)
    {
        job.FinishedAt = Now;
        EvacuationFinished(job);
        var vm = job.Vm;
        vm.QueuedMigrations.Remove(job);
        if (ReferenceEquals(vm.ActiveMigration, job))
        {
            vm.ActiveMigration = null;
            PromoteQueued(vm);
        }

        if (job.DeletionRequested)
        {
            Remove(job, VmimRemovalReason.Deleted);
            return;
        }

        vm.FinishedMigrations.Add(job);
        while (vm.FinishedMigrations.Count > FinishedMigrationsKept)
        {
            Remove(vm.FinishedMigrations[0], VmimRemovalReason.GarbageCollected);
        }
    }

    private void Remove(MigrationJob job, VmimRemovalReason reason)
    {
        job.Removed = true;
        State.Migrations.Remove(job.Key);
        if (job.Decentralized is { } spec
            && State.DecentralizedSides.TryGetValue((spec.MigrationId, spec.Role), out var side) && ReferenceEquals(side, job))
        {
            State.DecentralizedSides.Remove((spec.MigrationId, spec.Role));
        }

        job.Vm.FinishedMigrations.Remove(job);
        _ctx.Publish(new VmimRemoved(Now, job.ToSnapshot(), reason));
    }

    // The next VMIM admitted through the lagging cache runs now, as KubeVirt's migration controller would take it up.
    private void PromoteQueued(VmState vm)
    {
        if (vm.QueuedMigrations.Count == 0)
        {
            return;
        }

        var next = vm.QueuedMigrations[0];
        vm.QueuedMigrations.RemoveAt(0);
        if (next.VmiUid != vm.VmiUid || !vm.HasRunningVmi)
        {
            Fail(next, $"Migration failed: the VMI {vm.Namespace}/{next.VmiName} it was created for is gone");
            return;
        }

        vm.ActiveMigration = next;
        _admissionNeeded = true;
    }
}
