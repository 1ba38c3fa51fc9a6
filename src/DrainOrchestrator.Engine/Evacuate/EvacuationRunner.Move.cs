using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Evacuations;
using Kinds = DrainOrchestrator.Persistence.Evacuations.EvacuationJournalKinds;

namespace DrainOrchestrator.Engine.Evacuate;

public sealed partial class EvacuationRunner
{
    private const string SourceSide = "source";
    private const string TargetSide = "target";

    /// <summary>
    /// One step further for a moving VM, every step repeatable: blank DataVolumes, receiver VM, receiver VMIM,
    /// synchronization address, source VMIM, then follow both VMIMs to their end.
    /// </summary>
    private async Task StepAsync(EvacuationVmRecord vm, CancellationToken cancellationToken)
    {
        var attempt = vm.Attempt;
        var id = _evacuation.Id;
        var migrationId = EvacuationNames.MigrationId(id, vm.VmUid, attempt);
        var receiverVmim = EvacuationNames.ReceiverVmim(id, vm.VmName, vm.VmUid, attempt);
        var sourceVmim = EvacuationNames.SourceVmim(id, vm.VmName, vm.VmUid, attempt);
        var target = _evacuation.TargetNamespace;
        if (!Done(vm.VmName, attempt, SourceSide, sourceVmim))
        {
            var candidate = await CandidateAsync(vm, cancellationToken);
            if (candidate is null)
            {
                await FailAttemptAsync(vm, "the source VM is gone or cannot be read", cancellationToken);
                return;
            }

            try
            {
                foreach (var disk in candidate.Disks)
                {
                    await EnsureCreatedAsync(vm, TargetSide, Kinds.Objects.DataVolume, disk.ClaimName, async ct =>
                        (await _sides.Target.CreateOrAdoptAsync(EvacuationObjects.BlankDataVolume(id, target, disk, _evacuation.StorageClass), ct)).Outcome,
                        cancellationToken);
                }

                await EnsureCreatedAsync(vm, TargetSide, Kinds.Objects.ReceiverVm, vm.VmName, async ct =>
                    (await _sides.Target.CreateOrAdoptAsync(EvacuationObjects.ReceiverVm(id, target, candidate), ct)).Outcome, cancellationToken);
                await EnsureCreatedAsync(vm, TargetSide, Kinds.Objects.ReceiverVmim, receiverVmim, async ct =>
                    (await _sides.Target.CreateOnceAsync(EvacuationObjects.ReceiverVmim(id, target, receiverVmim, vm.VmName, migrationId), null, ct)).Outcome,
                    cancellationToken);
                var address = await AddressAsync(vm, receiverVmim, cancellationToken);
                if (address is null)
                {
                    return;
                }

                await EnsureCreatedAsync(vm, SourceSide, Kinds.Objects.SourceVmim, sourceVmim, async ct =>
                    (await _sides.Source.CreateOnceAsync(EvacuationObjects.SourceVmim(id, _evacuation.SourceNamespace, sourceVmim, vm.VmName,
                        migrationId, address), null, ct)).Outcome, cancellationToken);
            }
            catch (KubernetesApiException ex) when (!ex.IsRetryable)
            {
                // Refused for good (admission: the gate turned off, an in-flight migration, a bad spec): this attempt is over.
                await FailAttemptAsync(vm, ex.Message, cancellationToken);
                return;
            }

            return; // the pair was just created (or adopted): the next pass's list shows how it goes, no get now
        }

        await FollowAsync(vm, await VmimAsync(SourceSide, sourceVmim, cancellationToken), await VmimAsync(TargetSide, receiverVmim, cancellationToken),
            cancellationToken);
    }

    /// <summary>Records the pair's end when it has one (moved, failed, or a VMIM gone); does nothing while it is under way.</summary>
    private async Task FollowAsync(EvacuationVmRecord vm, VirtualMachineInstanceMigration? sending, VirtualMachineInstanceMigration? receiving,
        CancellationToken cancellationToken)
    {
        var phases = (sending?.Status?.Phase, receiving?.Status?.Phase);
        if (phases is ("Succeeded", _) or (_, "Succeeded") || sending is null || receiving is null)
        {
            // Succeeded, or a VMIM is gone (garbage-collected after its end, or deleted): the receiver's VMI tells.
            var vmi = await GetOrNullAsync<VirtualMachineInstance>(_sides.Target, _evacuation.TargetNamespace, vm.VmName, cancellationToken);
            if (vmi?.Status?.Phase == "Running" && vmi.Status.NodeName is { } node)
            {
                await _store.UpdateVmAsync(_lease.Current, _evacuation.Id, vm.VmName,
                    new EvacuationVmChange(EvacuationVmState.Succeeded, vm.Attempt, TargetNode: node, Finished: true),
                    new EvacuationAppend(Kinds.AttemptSucceeded, vm.VmName, vm.Attempt, TargetSide, vm.VmName, $"runs on {node}"),
                    _time.GetUtcNow(), cancellationToken);
                EvacuationLog.Moved(_logger, _evacuation.Id, vm.VmName, node);
                return;
            }

            if (phases is ("Succeeded", _) or (_, "Succeeded"))
            {
                return; // the hand-off is being recorded: the receiver's VMI runs in a moment
            }

            await FailAttemptAsync(vm, $"the {(sending is null ? "source" : "receiver")} VMIM disappeared before the move ended", cancellationToken);
            return;
        }

        if (phases is ("Failed", _) or (_, "Failed"))
        {
            var reason = sending.Status?.MigrationState?.FailureReason ?? receiving.Status?.MigrationState?.FailureReason
                ?? sending.Status?.Conditions?.LastOrDefault()?.Message ?? receiving.Status?.Conditions?.LastOrDefault()?.Message
                ?? "the migration failed";
            await FailAttemptAsync(vm, reason, cancellationToken);
        }
    }

    /// <summary>
    /// Ends the current attempt: deletes both VMIMs and, unless kept by policy, the receiver objects; retries or gives up.
    /// While the evacuation is cancelling it never retries: the VM ends cancelled and keeps running in the source.
    /// </summary>
    private async Task FailAttemptAsync(EvacuationVmRecord vm, string reason, CancellationToken cancellationToken)
    {
        var id = _evacuation.Id;
        EvacuationLog.AttemptFailed(_logger, id, vm.VmName, vm.Attempt, reason);
        await DeleteAsync<VirtualMachineInstanceMigration>(vm, SourceSide, _evacuation.SourceNamespace,
            EvacuationNames.SourceVmim(id, vm.VmName, vm.VmUid, vm.Attempt), cancellationToken);
        await DeleteAsync<VirtualMachineInstanceMigration>(vm, TargetSide, _evacuation.TargetNamespace,
            EvacuationNames.ReceiverVmim(id, vm.VmName, vm.VmUid, vm.Attempt), cancellationToken);
        if (!_evacuation.KeepReceivers)
        {
            if (Created(vm.VmName, Kinds.Objects.ReceiverVm))
            {
                await DeleteAsync<VirtualMachine>(vm, TargetSide, _evacuation.TargetNamespace, vm.VmName, cancellationToken);
            }

            foreach (var name in _journal.Where(e => e.VmName == vm.VmName && e.Kind == Kinds.Intended(Kinds.Objects.DataVolume))
                .Select(e => e.ObjectName!).Distinct(StringComparer.Ordinal))
            {
                await DeleteAsync<DataVolume>(vm, TargetSide, _evacuation.TargetNamespace, name, cancellationToken);
            }
        }

        var retry = !_cancelling && vm.Attempt < _evacuation.MaxAttempts;
        var next = retry ? vm.Attempt + 1 : vm.Attempt;
        var state = retry ? EvacuationVmState.Moving : _cancelling ? EvacuationVmState.Cancelled : EvacuationVmState.Failed;
        var failure = _cancelling ? $"not moved, the evacuation was cancelled: {reason}" : reason;
        await _store.UpdateVmAsync(_lease.Current, id, vm.VmName, new EvacuationVmChange(state, next, Failure: failure, Finished: !retry),
            new EvacuationAppend(_cancelling ? Kinds.VmCancelled : Kinds.AttemptFailed, vm.VmName, vm.Attempt, Detail: reason), _time.GetUtcNow(),
            cancellationToken);
        if (_cancelling)
        {
            EvacuationLog.VmCancelled(_logger, id, vm.VmName, reason);
        }

        if (retry)
        {
            var migrationId = EvacuationNames.MigrationId(id, vm.VmUid, next);
            await AppendAsync(new EvacuationAppend(Kinds.AttemptStarted, vm.VmName, next, Detail: migrationId), cancellationToken);
            EvacuationLog.AttemptStarted(_logger, id, vm.VmName, next, migrationId);
        }
    }

    /// <summary>Creates an object once per attempt: the intent journaled first, the outcome after; a journaled outcome skips it.</summary>
    private async Task EnsureCreatedAsync(EvacuationVmRecord vm, string side, string kind, string name,
        Func<CancellationToken, Task<CreateOutcome>> create, CancellationToken cancellationToken)
    {
        if (Done(vm.VmName, vm.Attempt, side, name))
        {
            return;
        }

        if (!_journal.Any(e => e.VmName == vm.VmName && e.Attempt == vm.Attempt && e.Side == side && e.ObjectName == name && e.Kind == Kinds.Intended(kind)))
        {
            await AppendAsync(new EvacuationAppend(Kinds.Intended(kind), vm.VmName, vm.Attempt, side, name), cancellationToken);
        }

        // A create is sent only while the lease is provably ours: a paused old owner cannot create after a take-over.
        await _lease.EnsureFreshAsync(cancellationToken);
        var outcome = await create(cancellationToken);
        var adopted = outcome != CreateOutcome.Created;
        await AppendAsync(new EvacuationAppend(adopted ? Kinds.Adopted(kind) : Kinds.Created(kind), vm.VmName, vm.Attempt, side, name,
            outcome == CreateOutcome.Vanished ? "existed and is gone" : null), cancellationToken);
        EvacuationLog.ObjectCreated(_logger, _evacuation.Id, kind, name, side, adopted ? "adopted" : "created");
    }

    private async Task<string?> AddressAsync(EvacuationVmRecord vm, string receiverVmim, CancellationToken cancellationToken)
    {
        if (_journal.LastOrDefault(e => e.VmName == vm.VmName && e.Attempt == vm.Attempt && e.Kind == Kinds.SyncAddress) is { Detail: { } known })
        {
            return known;
        }

        var receiving = await VmimAsync(TargetSide, receiverVmim, cancellationToken);
        var address = await _sides.Target.SynchronizationAddressAsync(receiving?.Status?.SynchronizationAddresses, cancellationToken);
        if (address is null)
        {
            EvacuationLog.WaitingForAddress(_logger, _evacuation.Id, vm.VmName);
            return null;
        }

        await AppendAsync(new EvacuationAppend(Kinds.SyncAddress, vm.VmName, vm.Attempt, TargetSide, receiverVmim, address), cancellationToken);
        return address;
    }

    private async Task<EvacuationCandidate?> CandidateAsync(EvacuationVmRecord vm, CancellationToken cancellationToken)
    {
        if (_candidates.TryGetValue(vm.VmName, out var known))
        {
            return known;
        }

        var source = await GetOrNullAsync<VirtualMachine>(_sides.Source, _evacuation.SourceNamespace, vm.VmName, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var candidate = await EvacuationPreflight.ReadCandidateAsync(_sides.Source, source, [], cancellationToken);
        if (candidate is not null)
        {
            _candidates[vm.VmName] = candidate;
        }

        return candidate;
    }

    private async Task DeleteAsync<T>(EvacuationVmRecord vm, string side, string ns, string name, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        var client = side == SourceSide ? _sides.Source : _sides.Target;
        try
        {
            await client.DeleteAsync<T>(ns, name, null, cancellationToken);
            await AppendAsync(new EvacuationAppend(Kinds.Deleted, vm.VmName, vm.Attempt, side, name, T.Resource.Kind), cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            // Never created, or gone already.
        }
    }

    private async Task AppendAsync(EvacuationAppend entry, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await _store.AppendAsync(_lease.Current, _evacuation.Id, entry, now, cancellationToken);
        _journal.Add(new EvacuationJournalEntry(0, entry.VmName, entry.Attempt, entry.Kind, entry.Side, entry.ObjectName, _lease.Current.Epoch,
            now, entry.Detail));
    }

    private bool Done(string vmName, int attempt, string side, string name) =>
        _journal.Any(e => e.VmName == vmName && e.Attempt == attempt && e.Side == side && e.ObjectName == name
            && (e.Kind.EndsWith(".created", StringComparison.Ordinal) || e.Kind.EndsWith(".adopted", StringComparison.Ordinal)));

    private bool Created(string vmName, string kind) =>
        _journal.Any(e => e.VmName == vmName && (e.Kind == Kinds.Created(kind) || e.Kind == Kinds.Adopted(kind)));

    /// <summary>This evacuation's VMIM as the pass listed it; got on its own when the list did not show it (created since, or gone).</summary>
    private async Task<VirtualMachineInstanceMigration?> VmimAsync(string side, string name, CancellationToken cancellationToken) =>
        _view.Find(side, name) ?? await GetOrNullAsync<VirtualMachineInstanceMigration>(side == SourceSide ? _sides.Source : _sides.Target,
            side == SourceSide ? _evacuation.SourceNamespace : _evacuation.TargetNamespace, name, cancellationToken);

    private static async Task<T?> GetOrNullAsync<T>(KubernetesClient client, string ns, string name, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        try
        {
            return await client.GetAsync<T>(ns, name, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }
}
