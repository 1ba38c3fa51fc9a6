using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Budget;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Waves;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>Starting migrations: the budget's slot with the journaled intent, post-copy preparation, then the VMIM.</summary>
internal sealed partial class MigrationLoop
{
    private readonly List<(StartMigration Action, VirtualMachineInstanceMigration Vmim, bool Adopted)> _unrecorded = [];

    // The intents of this pass, which its records (listed before the starts) lack: the pass's progress counts them.
    private readonly List<AttemptRecord> _intendedThisPass = [];
    private CreateFence? _createFence;

    private CreateFence Fence => _createFence ??= new CreateFence(context);

    // Each start in turn until the budget refuses one for the cluster (its limit, or this drain's share): no later start
    // of the pass could pass either. A start refused for its source node's limit or an application budget leaves the
    // others to try. What is left
    // is published as this drain's demand, so the other drains leave it its share. Returns how many did not start.
    private async Task<int> StartAllAsync(IReadOnlyList<StartMigration> starts, IReadOnlyList<AttemptRecord> records, ClusterState cluster,
        ClusterSnapshot snapshot, CancellationToken cancellationToken)
    {
        var (wanted, nodeRefused) = (starts.Count, 0);
        if (!await RetryDeferredAsync(records, cluster, cancellationToken))
        {
            await _budget.PublishAsync(wanted, cancellationToken);
            return wanted;
        }

        foreach (var action in starts)
        {
            var refusal = await StartAsync(action, snapshot, wanted, cancellationToken);
            if (refusal is not (SlotRefusal.None or SlotRefusal.NodeLimit or SlotRefusal.ApplicationBudget))
            {
                break;
            }

            nodeRefused += refusal is SlotRefusal.NodeLimit or SlotRefusal.ApplicationBudget ? 1 : 0;
            wanted--;
            if (_deferred.ContainsKey(action.Name))
            {
                // The API server failed this create: the next ones would fail too; they wait for a later pass.
                break;
            }
        }

        await _budget.PublishAsync(wanted, cancellationToken);
        return wanted + nodeRefused;
    }

    // The slot is reserved in the transaction that journals the intent: when the budget refuses, nothing is journaled
    // and no VMIM is created. Post-copy is prepared only once the slot is ours, so a refused start leaves no policy.
    private async Task<SlotRefusal> StartAsync(StartMigration action, ClusterSnapshot snapshot, int wanted, CancellationToken cancellationToken)
    {
        var vmi = action.Vmi;
        var attempt = new NewAttempt(context.Id, Math.Max(1, action.Wave), action.Attempt, vmi.Namespace, vmi.Name, vmi.Uid,
            action.SourceNode, action.TargetNode, action.Name, action.PostCopy);
        var intended = new AttemptIntended(action.Name, vmi.QualifiedName, action.SourceNode, action.Attempt)
        {
            Target = action.TargetNode,
            Wave = action.Wave,
            PostCopy = action.PostCopy,
        };
        var now = context.Time.GetUtcNow();
        var guard = GuardDesign(action, snapshot);
        JournalEvent[] events = guard is null ? [intended] : [intended, new PostCopyPolicyIntended(vmi.QualifiedName, guard.Policy!.Name)];
        var written = await context.Writer.WriteIfAsync(
            async t => await StateUnchangedAsync(t, cancellationToken) && await _budget.TryReserveAsync(t, action, wanted, cancellationToken),
            events, null,
            [AttemptStore.IntendChange(attempt, now), WaveStore.StartChange(context.Id, attempt.WaveNumber, now), _budget.GrantChange(action, wanted)],
            cancellationToken);
        if (written is null)
        {
            // A changed state stops the pass's starts as a cluster-wide refusal would.
            return _stateMoved ? SlotRefusal.ClusterLimit : _budget.LastRefusal;
        }

        var record = new AttemptRecord(written.Returned[AttemptStore.IntendPrefix].Single(), context.Id, attempt.WaveNumber, attempt.Attempt,
            vmi.Namespace, vmi.Name, vmi.Uid, action.SourceNode, action.TargetNode, action.Name, null, null, AttemptOutcome.Intended, null, null,
            null, null, "{}", action.PostCopy, now, null, null, null);
        _memory.Add(record);
        _intendedThisPass.Add(record);

        if (action.PostCopy && await TryPreparePostCopyAsync(action, snapshot, cancellationToken) is { } unprepared)
        {
            await RecordFailureAsync(action.Name, unprepared.Kind, unprepared.Reason, cancellationToken);
            return SlotRefusal.None;
        }

        if (guard is not null)
        {
            await GuardAsync(action, guard, cancellationToken);
        }

        if (action.Attempt > 1 && await FindOtherMigrationAsync(action, cancellationToken) is { } other)
        {
            await RecordFailureAsync(action.Name, FailureKind.Infrastructure,
                $"not created: the API server shows another unfinished migration of this VMI ({other}); it is waited for", cancellationToken);
            return SlotRefusal.None;
        }

        await CreateAsync(action, cancellationToken);
        return SlotRefusal.None;
    }

    // A retry reads the API server itself (not the informer, which may lag) for an unfinished VMIM of the VMI: an earlier
    // attempt's create that landed late, or someone else's migration. Starting beside it would make two migrations of one
    // VM, and virt-api, which admits on its own cache, may let both in. Returns the other VMIM in words, or null.
    private async Task<string?> FindOtherMigrationAsync(StartMigration action, CancellationToken cancellationToken)
    {
        var listed = await context.Actions.ListMigrationsAsync(action.Vmi.Namespace, action.Vmi.Name, cancellationToken);
        var other = listed.FirstOrDefault(m => m.Spec.VmiName == action.Vmi.Name && m.Metadata.Name != action.Name
            && m.Status?.Phase is not ("Succeeded" or "Failed"));
        if (other is null)
        {
            return null;
        }

        var ours = other.Metadata.Labels?.GetValueOrDefault(NodeLeaseNames.DrainLabel) == context.DrainIdText;
        return $"{other.Metadata.Name}, {(ours ? "an earlier attempt of this drain" : "not this drain's")}, phase {other.Status?.Phase ?? "unknown"}";
    }

    // Creates (or adopts) the VMIM of an intended attempt, inside the create fence (CreateFence: sent only while the lease
    // outlasts the create's deadline, and never past it). Returns false when the create must wait (the infrastructure
    // failed it, it passed its deadline, or the lease had too little left): the attempt stays intended and is deferred
    // (MigrationLoop.Deferred.cs).
    private async Task<bool> CreateAsync(StartMigration action, CancellationToken cancellationToken)
    {
        using var window = await Fence.EnterAsync(cancellationToken);
        if (window is null)
        {
            await DeferAsync(action, $"the drain's lease could not be confirmed with {Fence.Needed.TotalSeconds:0.###}s left, "
                + "the least a create needs to finish before a new owner could take over", null, cancellationToken);
            return false;
        }

        try
        {
            var result = await context.Actions.CreateOnceMigrationAsync(BuildMigration(action), window.Deadline, window.Token);
            _deferred.Remove(action.Name);
            var vmim = result.Object;
            if (result.Outcome == CreateOutcome.Vanished)
            {
                // The name was taken and its VMIM is gone: an earlier create of ours whose answer was lost, since ended
                // and deleted (or garbage-collected). Never created again; the VMI's migration state tells the end.
                _unrecorded.Add((action, vmim, Adopted: true));
                return true;
            }

            if (result.Adopted && NotOurs(vmim, action) is { } whose)
            {
                await RecordFailureAsync(action.Name, FailureKind.ApiError, $"the name {action.Name} is taken by {whose}", cancellationToken);
                return true;
            }

            var createdAt = context.Time.GetUtcNow();
            _created[action.Name] = (vmim, createdAt);
            _unrecorded.Add((action, vmim, result.Adopted));
            if (!result.Adopted)
            {
                _coreAttempts.Created(action.Name, createdAt);
                if (_decidedAt is { } decidedAt)
                {
                    _reaction.Record(decidedAt, createdAt);
                }
            }
        }
        catch (OperationCanceledException ex) when (window.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            await DeferAsync(action, $"the create did not finish within its deadline of {window.Deadline.TotalSeconds:0.###}s "
                + "(the VMIM may exist; the same name is tried again, which adopts it)", ex, cancellationToken);
            return false;
        }
        catch (KubernetesApiException ex) when (IsInfrastructure(ex))
        {
            // Whether the VMIM exists is unknown (a 5xx may follow the commit): the same name is tried again later.
            await DeferAsync(action, ex.Message, ex, cancellationToken);
            return false;
        }
        catch (KubernetesApiException ex)
        {
            // Refused (admission, not found...): the VMIM does not exist; the failure policy decides.
            _deferred.Remove(action.Name);
            EngineLog.CreateFailed(context.Logger, action.Name, ex.Message);
            await RecordFailureAsync(action.Name, FailureClassifier.Classify(new FailureFacts(ex.Message, ApiStatusCode: (int?)ex.StatusCode)),
                ex.Message, cancellationToken);
        }

        return true;
    }

    // Who holds the name when it is not this drain's VMIM of this VMI (another VMI's, or another drain's); null when ours.
    private string? NotOurs(VirtualMachineInstanceMigration vmim, StartMigration action)
    {
        if (vmim.Spec.VmiName != action.Vmi.Name)
        {
            return $"a VMIM of another VMI ({vmim.Spec.VmiName})";
        }

        var drain = vmim.Metadata.Labels?.GetValueOrDefault(NodeLeaseNames.DrainLabel);
        return drain == context.DrainIdText ? null : $"a VMIM of the same VMI not created by this drain (drain label {drain ?? "absent"})";
    }

    // The VMIMs this pass created, recorded (in the pass's writes) once all its starts are made, so one start does not
    // wait for the record of the previous: each intent was committed before its VMIM, and after a crash before this the
    // VMIMs are found and adopted. What a failed write leaves unrecorded is observed again by the next pass.
    private void RecordCreated()
    {
        foreach (var (action, vmim, adopted) in _unrecorded)
        {
            JournalEvent recorded = adopted
                ? new AttemptAdopted(action.Name, vmim.Metadata.Uid)
                : new AttemptCreated(action.Name) { Uid = vmim.Metadata.Uid };
            var observation = new AttemptObservation(AttemptOutcome.Created, VmimUid: vmim.Metadata.Uid,
                CreatedAt: vmim.Metadata.CreationTimestamp ?? context.Time.GetUtcNow());
            Writes.Observe(recorded, action.Name, observation, lazy: false, () => EngineLog.MigrationStarted(context.Logger, action.Name,
                action.Vmi.QualifiedName, action.SourceNode, action.TargetNode, action.Attempt, action.PostCopy, adopted));
        }

        _unrecorded.Clear();
    }

    private async Task RecordFailureAsync(string vmimName, FailureKind kind, string reason, CancellationToken cancellationToken)
    {
        var observation = new AttemptObservation(AttemptOutcome.NotCreated, FailureClass: kind.ToString(), FailureReason: reason);
        await context.Writer.WriteAsync(new AttemptCreateFailed(vmimName, kind.ToString(), reason),
            t => context.Attempts.ObserveAsync(t, vmimName, observation, cancellationToken), cancellationToken);
        _memory.Apply(vmimName, observation, context.Time.GetUtcNow());
    }

    private VirtualMachineInstanceMigration BuildMigration(StartMigration action) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = action.Name,
            Namespace = action.Vmi.Namespace,
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { [NodeLeaseNames.DrainLabel] = context.DrainIdText },
        },
        Spec = new VirtualMachineInstanceMigrationSpec
        {
            VmiName = action.Vmi.Name,
            AddedNodeSelector = new Dictionary<string, string>(StringComparer.Ordinal) { [StartMigration.HostnameLabel] = action.TargetNode },
        },
    };

    // After the intent, so when post-copy cannot be used or preparing it fails, the attempt fails without a VMIM.
    private async Task<(FailureKind Kind, string Reason)?> TryPreparePostCopyAsync(StartMigration action, ClusterSnapshot snapshot,
        CancellationToken cancellationToken)
    {
        try
        {
            return await PreparePostCopyAsync(action, snapshot, cancellationToken) is { } refusal ? (FailureKind.Unknown, refusal) : null;
        }
        catch (KubernetesApiException ex)
        {
            return (FailureKind.ApiError, "preparing post-copy failed: " + ex.Message);
        }
    }

    // Ensures the orchestrator-owned policy and the marker label; returns why post-copy cannot be used, or null. The
    // pass's snapshot holds the KubeVirt settings and the MigrationPolicies the design must beat.
    private async Task<string?> PreparePostCopyAsync(StartMigration action, ClusterSnapshot snapshot, CancellationToken cancellationToken)
    {
        var forbidding = context.Policy.Failure.FindPostCopyForbiddingLabel(action.Vmi.Labels);
        if (forbidding is not null)
        {
            return $"post-copy is forbidden by the label {forbidding}";
        }

        var name = MigrationNaming.PostCopyPolicyName(context.DrainIdText, action.Vmi.Uid);
        var design = PostCopyPolicyDesigner.Design(action.Vmi, snapshot.Config.Settings, snapshot.Policies, name,
            snapshot.Config.ProgressTimeout, action.PostCopyFirstPass);
        if (!design.Succeeded)
        {
            await context.Writer.WriteAsync(new PostCopyRefused(action.Vmi.QualifiedName, design.Problem), null, cancellationToken);
            return "post-copy policy cannot win: " + design.Problem;
        }

        await context.Writer.WriteAsync(new PostCopyPolicyIntended(action.Vmi.QualifiedName, name), null, cancellationToken);
        await context.Actions.EnsureMigrationPolicyAsync(design.Policy!, cancellationToken);
        await context.Actions.SetVmiLabelAsync(action.Vmi.Namespace, action.Vmi.Name, design.MarkerLabelKey, design.MarkerLabelValue, cancellationToken);
        return null;
    }

    // Once a post-copy (or guarded, MigrationLoop.Guard.cs) attempt is over, its marker label and policy go, unless a
    // later such attempt of the same VMI (they share the policy) is still running.
    private async Task CleanUpPostCopyAsync(IReadOnlyList<AttemptRecord> records, CancellationToken cancellationToken)
    {
        var stillNeeded = records.Where(r => UsesOwnedPolicy(r) && !r.IsFinal).Select(r => r.VmiUid).ToHashSet(StringComparer.Ordinal);
        foreach (var record in records.Where(r => UsesOwnedPolicy(r) && r.IsFinal && !_cleaned.Contains(r.VmimName) && !stillNeeded.Contains(r.VmiUid)))
        {
            await PostCopyCleanup.RemoveAsync(context, record, cancellationToken);
            _cleaned.Add(record.VmimName);
        }
    }
}
