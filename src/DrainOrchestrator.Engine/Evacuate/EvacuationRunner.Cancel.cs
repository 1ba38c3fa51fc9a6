using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Evacuations;
using Kinds = DrainOrchestrator.Persistence.Evacuations.EvacuationJournalKinds;

namespace DrainOrchestrator.Engine.Evacuate;

public sealed partial class EvacuationRunner
{
    /// <summary>
    /// The owner saw an operator's cancel (the state <c>cancelling</c>, read on every pass and on resume, so a cancel
    /// survives a restart and reaches whichever process holds the lease). VMs not started are left alone: they end
    /// cancelled at once. Moving VMs go on under <see cref="CancelStepAsync"/>. Returns the VMs as they now stand.
    /// </summary>
    private async Task<IReadOnlyList<EvacuationVmRecord>> CancelSeenAsync(IReadOnlyList<EvacuationVmRecord> vms, CancellationToken cancellationToken)
    {
        _cancelling = true;
        var planned = vms.Where(v => v.State == EvacuationVmState.Planned).ToList();
        var moving = vms.Count(v => v.State == EvacuationVmState.Moving);
        await AppendAsync(new EvacuationAppend(Kinds.CancelSeen,
            Detail: $"{moving} moving VM(s) aborted before the hand-off or let finish; {planned.Count} not started left alone"), cancellationToken);
        EvacuationLog.CancelSeen(_logger, _evacuation.Id, moving, planned.Count);
        foreach (var vm in planned)
        {
            const string Reason = "not started: the evacuation was cancelled";
            await _store.UpdateVmAsync(_lease.Current, _evacuation.Id, vm.VmName,
                new EvacuationVmChange(EvacuationVmState.Cancelled, vm.Attempt, Failure: Reason, Finished: true),
                new EvacuationAppend(Kinds.VmCancelled, vm.VmName, Detail: Reason), _time.GetUtcNow(), cancellationToken);
            EvacuationLog.VmCancelled(_logger, _evacuation.Id, vm.VmName, Reason);
        }

        return await _store.VmsAsync(_evacuation.Id, cancellationToken);
    }

    /// <summary>
    /// One step of a moving VM while the evacuation is cancelling; nothing new is created. The rule
    /// (<see cref="EvacuationHandOff"/>): before the hand-off both VMIMs are deleted (journaled first), and once both are
    /// gone or failed the attempt ends as a failure does (receiver objects deleted unless kept) and the VM ends cancelled,
    /// running in the source. After the hand-off the move is let finish: it ends moved, or cancelled if it fails (no
    /// retry). A delete that lost the race with the hand-off becomes KubeVirt's abort of a running migration; the next
    /// pass sees the pair past the hand-off and lets that abort finish the same way.
    /// </summary>
    private async Task CancelStepAsync(EvacuationVmRecord vm, CancellationToken cancellationToken)
    {
        var id = _evacuation.Id;
        var sourceVmim = EvacuationNames.SourceVmim(id, vm.VmName, vm.VmUid, vm.Attempt);
        var receiverVmim = EvacuationNames.ReceiverVmim(id, vm.VmName, vm.VmUid, vm.Attempt);
        var sending = await VmimAsync(SourceSide, sourceVmim, cancellationToken);
        var receiving = await VmimAsync(TargetSide, receiverVmim, cancellationToken);
        if (sending is null && receiving is null && !Done(vm.VmName, vm.Attempt, SourceSide, sourceVmim))
        {
            // No sender was ever created: nothing was handed off.
            await FailAttemptAsync(vm, "cancelled before its migration started", cancellationToken);
            return;
        }

        if (!EvacuationHandOff.MayAbort(sending is not null, sending?.Status?.Phase, receiving is not null, receiving?.Status?.Phase))
        {
            await FollowAsync(vm, sending, receiving, cancellationToken);
            return;
        }

        var phases = $"source VMIM {sending?.Status?.Phase ?? (sending is null ? "absent" : "without a phase")}, "
            + $"receiver VMIM {receiving?.Status?.Phase ?? (receiving is null ? "absent" : "without a phase")}";
        if (!_journal.Any(e => e.VmName == vm.VmName && e.Attempt == vm.Attempt && e.Kind == Kinds.AbortRequested))
        {
            await AppendAsync(new EvacuationAppend(Kinds.AbortRequested, vm.VmName, vm.Attempt, Detail: phases), cancellationToken);
            EvacuationLog.AbortedBeforeHandOff(_logger, id, vm.VmName, vm.Attempt, phases);
        }

        await _lease.EnsureFreshAsync(cancellationToken);
        await DeleteAsync<VirtualMachineInstanceMigration>(vm, SourceSide, _evacuation.SourceNamespace, sourceVmim, cancellationToken);
        await DeleteAsync<VirtualMachineInstanceMigration>(vm, TargetSide, _evacuation.TargetNamespace, receiverVmim, cancellationToken);
        var sent = await GetOrNullAsync<VirtualMachineInstanceMigration>(_sides.Source, _evacuation.SourceNamespace, sourceVmim, cancellationToken);
        var received = await GetOrNullAsync<VirtualMachineInstanceMigration>(_sides.Target, _evacuation.TargetNamespace, receiverVmim, cancellationToken);
        if (Ended(sent) && Ended(received))
        {
            await FailAttemptAsync(vm, $"aborted before the hand-off ({phases})", cancellationToken);
        }
    }

    private static bool Ended(VirtualMachineInstanceMigration? vmim) => vmim is null || vmim.Status?.Phase == "Failed";
}
