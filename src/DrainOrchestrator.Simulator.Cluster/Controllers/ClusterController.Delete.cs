namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ClusterController
{
    /// <summary>
    /// Deleting a VMIM cancels its migration as KubeVirt does: before the transfer runs, the target pod goes and the VMIM
    /// ends Failed with the abort condition; once Running, the VMI's migrationState shows the abort until it is done.
    /// </summary>
    public VmimDeleteOutcome Delete(string @namespace, string name)
    {
        if (!State.Migrations.TryGetValue(ClusterKeys.Of(@namespace, name), out var job))
        {
            return VmimDeleteOutcome.NotFound;
        }

        if (job.IsFinal)
        {
            Remove(job, VmimRemovalReason.Deleted);
            return VmimDeleteOutcome.Removed;
        }

        if (job.DeletionRequested)
        {
            return VmimDeleteOutcome.Aborting;
        }

        job.DeletionRequested = true;
        job.AbortRequested = true;
        if (job.Phase == MigrationPhase.Running && job.Transfer is { } transfer)
        {
            var vm = job.Vm;
            vm.MigrationState = vm.MigrationState! with { AbortRequested = true, AbortStatus = AbortStatus.Aborting };
            PublishVmi(vm);
            _ctx.Publish(new VmimChanged(Now, job.ToSnapshot()));
            transfer.AbortAt = Now + State.Timings.Abort;
            return VmimDeleteOutcome.Aborting;
        }

        Fail(job, "Migration aborted: the migration object was deleted before the transfer started", aborted: true);
        return VmimDeleteOutcome.Removed;
    }
}
