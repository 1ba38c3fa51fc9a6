using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Engine.Budget;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Learning;
using DrainOrchestrator.Engine.Telemetry;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// The migrate step: on every cluster change (and at the scheduler's wake-up time, and at each heartbeat to read
/// signals) reconcile the attempts with the cluster, ask <see cref="DrainScheduler"/> what to start, reserve each
/// start's slot in the cluster's budget while journaling it (<see cref="MigrationBudget"/>), then act; and keep the
/// drain's node Leases renewed (<see cref="NodeLeaseRenewal"/>). A start the budget refuses is left for a later pass:
/// the slot it waits for frees when a migration ends (a cluster change) or another drain wants less (read at the
/// latest one heartbeat later).
/// </summary>
internal sealed partial class MigrationLoop(DrainContext context, DrainPlan plan)
{
    // VMIMs this process created, until the informer shows them (so a lagging cache never reads as "deleted"), with
    // when they were last confirmed; one the informer has not shown for CreatedGrace is read again from the API server.
    private static readonly TimeSpan CreatedGrace = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, (VirtualMachineInstanceMigration Vmim, DateTimeOffset At)> _created = new(StringComparer.Ordinal);
    private readonly HashSet<string> _givenUp = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cleaned = new(StringComparer.Ordinal);
    private readonly NodeLeaseRenewal _nodeLeases = new(context);
    private readonly MigrationBudget _budget = new(context);
    private readonly WindowGate _window = new(context, plan);
    private readonly LimitsFollower _limits = new(context);
    private readonly SnapshotCache _snapshots = new();
    private readonly AttemptMemory _memory = new();
    private readonly PlannedVmiPlaces _places = new(plan, context.Nodes);
    private readonly PlannedVmiSnapshots _plannedVmis = new(plan);
    private readonly DrainLearner _learner = new(plan, context.Policy, PlanHistories.Of(plan), context.Logger, context.Drain.Name,
        enabled: !context.IsMoveBack);
    private PassWrites? _writes;
    private DateTimeOffset? _stuckSince;
    private long _passes;

    // When the last pass decided (null before the first, and after an interruption); and that time when its decision
    // left a cluster slot free (SchedulerState.SlotFreeSince).
    private DateTimeOffset? _decidedAt;
    private DateTimeOffset? _slotFreeSince;
    private readonly ReactionLead _reaction = new();
    private readonly CoreAttempts _coreAttempts = new();
    private readonly DecisionMemo _decisionMemo = new();

    /// <summary>VMIs left to move when the loop ended (what a suspension leaves for the next window).</summary>
    public int Remaining { get; private set; }

    public async Task<LoopOutcome> RunAsync(CancellationToken cancellationToken)
    {
        // An outage interrupts a pass wherever it is; once the database is back the passes start again as after a
        // take-over (recovering: reconcile the journal with the cluster), keeping what this process knows that the
        // database may not (the VMIMs it created, until the informer shows them).
        while (true)
        {
            try
            {
                return await RunPassesAsync(cancellationToken);
            }
            catch (Exception ex) when (DatabaseOutage.IsOutage(ex, cancellationToken))
            {
                await context.Outage.RideOutAsync(ex, cancellationToken);
            }
        }
    }

    private async Task<LoopOutcome> RunPassesAsync(CancellationToken cancellationToken)
    {
        foreach (var given in await context.Journal.ReadAsync<VmiGivenUp>(context.Id, cancellationToken))
        {
            _givenUp.Add(given.Uid);
        }

        // After an interruption, what was created but not recorded is observed again (recovering), not recorded stale,
        // and the attempts and the drain's state are read again.
        _unrecorded.Clear();
        _memory.Invalidate();
        _drainState = null;
        _decidedAt = null;
        _slotFreeSince = null;
        _quiet.Forget();
        var recovering = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Act only while the lease is provably ours: a heartbeat failing for half the lease makes this confirm it.
            await context.Ownership.EnsureFreshAsync(cancellationToken);
            // A stale view holds the drain: it keeps observing and recording, and starts nothing until the view recovers.
            var holding = await context.ViewGate.HoldsAsync(cancellationToken);
            var seen = context.View.Version;
            var passStarted = context.Time.GetTimestamp();
            PassLog.Began(context.Logger, ++_passes, seen);
            var drainState = await ReadDrainStateAsync(cancellationToken);
            if (drainState == DrainState.Cancelling)
            {
                return await EndAsync(LoopOutcome.Cancelled, cancellationToken);
            }

            // The snapshot is kept between passes and updated from what changed (SnapshotCache).
            var (cluster, snapshot) = _snapshots.Read(context.View);
            _places.Update(cluster, _snapshots.LastChanges);
            var plannedVmis = _plannedVmis.Update(_snapshots);
            if (IsQuiet(snapshot, drainState, recovering, holding, context.Time.GetUtcNow()))
            {
                PassLog.Quiet(context.Logger, _passes, _quiet.DecidedPass);
                await WaitAsync(seen, _quiet.WakeAt, cancellationToken);
                continue;
            }

            Writes.Begin();
            _intendedThisPass.Clear();
            if (_memory.Stale)
            {
                _memory.Load(await context.Attempts.ListAsync(context.Id, cancellationToken));
            }

            var (records, observed) = await ReconcileAsync(cluster, _memory.Records, recovering, cancellationToken);
            if (recovering)
            {
                await _window.LoadAsync(records, cancellationToken);
                await OwnedObjectsSweep.SweepAsync(context, OwnedObjectsSweep.AtRecovery, records, cancellationToken);
            }

            recovering = false;
            if (!holding)
            {
                await CheckNetworkAsync(cluster, cancellationToken);
            }

            if (NetworkFailure is not null)
            {
                RecordObservations(observed);
                return await EndAsync(LoopOutcome.MissedMigrationNetwork, cancellationToken);
            }

            var now = context.Time.GetUtcNow();
            await _limits.FollowAsync(snapshot.Config, cancellationToken);
            _budget.Observe(cluster, snapshot, observed.Where(o => o.Observation.Outcome.IsFinal()).Select(o => o.Record.VmimName));
            var admission = _window.Admission(records);
            // What the drain learned from its own transfers: NIC floors on unannotated nodes, the plan predicted again.
            var (learnedSnapshot, learnedPlan, waiting) = _learner.Apply(cluster, snapshot, records);
            var state = new SchedulerState(context.DrainIdText, learnedSnapshot, learnedPlan, _coreAttempts.Map(records),
                _budget.ProposalPolicy(_learner.Policy), drainState == DrainState.Paused, await _budget.OtherDrainingNodesAsync(cancellationToken),
                context.Targets.LaterDrain, context.Targets.Preferred, admission)
            {
                PlannedVmis = plannedVmis,
                Waiting = waiting,
                SlotFreeSince = _slotFreeSince,
                ReactionLead = _reaction.Current,
                Memo = _decisionMemo,
            };
            var recordsDecided = _memory.Version;
            var deciding = context.Time.GetTimestamp();
            var decision = DrainScheduler.Decide(state, now);
            _decidedAt = now;
            EngineMetrics.Decided(context.Time.GetElapsedTime(deciding));
            if (!holding)
            {
                await RecordGivenUpAsync(decision, cancellationToken);
                await _window.RecordHeldBackAsync(decision, admission, cancellationToken);
            }

            // Before any start: a retry of the same VMI re-creates the policy and marker that the cleanup removes.
            await CleanUpPostCopyAsync(records, cancellationToken);
            IReadOnlyList<StartMigration> starts = [.. decision.Actions.OfType<StartMigration>()];
            var unstarted = holding ? starts.Count : await StartAllAsync(starts, records, cluster, snapshot, cancellationToken);
            _slotFreeSince = decision.ClusterInFlight - unstarted < state.Policy.MaxParallelMigrations ? now : null;

            if (!holding)
            {
                await StartRestartsAsync(decision, cluster, cancellationToken);
            }

            PassLog.Decided(context.Logger, _passes, context.Time.GetElapsedTime(passStarted).TotalMilliseconds,
                decision.Actions.Count - unstarted, decision.ClusterInFlight - unstarted, decision.Remaining, decision.WakeAt);
            // What the pass records after its starts, in one fenced statement: the VMIMs created, the attempts observed,
            // the progress.
            RecordCreated();
            RecordObservations(observed);
            Report([.. records, .. _intendedThisPass], decision.ClusterInFlight - unstarted, drainState == DrainState.Paused);
            await Writes.FlushAsync(context.Writer, context.Time, force: false, cancellationToken);
            // After the starts and records, so a renewal never delays refilling a slot.
            await _nodeLeases.RenewDueAsync(cancellationToken);
            await _budget.RefreshDueAsync(cancellationToken);
            Settle(snapshot, recordsDecided, drainState, decision, unstarted, holding, now);
            if (holding)
            {
                // Nothing that rests on the view ends the loop: not completion, the window's end or being stuck.
                await WaitAsync(seen, decision.WakeAt, cancellationToken);
                continue;
            }

            if (decision.IsComplete && decision.Actions.Count == 0 && !RestartsPending(records))
            {
                return await EndAsync(LoopOutcome.Completed, cancellationToken);
            }

            Remaining = decision.Remaining;
            if (await WindowOverAsync(decision, records, drainState, now, cancellationToken))
            {
                return await EndAsync(LoopOutcome.Suspended, cancellationToken);
            }

            if (IsStuckTooLong(decision, now))
            {
                StuckOn = StuckReason.Describe(decision.WithoutTarget, learnedSnapshot);
                return await EndAsync(LoopOutcome.Stuck, cancellationToken);
            }

            await WaitAsync(seen, decision.WakeAt, cancellationToken);
        }
    }

    // The loop ends: what the last passes left lazily unwritten (progress) is written, the budget's demand withdrawn.
    private async Task<LoopOutcome> EndAsync(LoopOutcome outcome, CancellationToken cancellationToken)
    {
        await Writes.FlushAsync(context.Writer, context.Time, force: true, cancellationToken);
        await _budget.WithdrawAsync(cancellationToken);
        return outcome;
    }

    // The window is over for this run: at its end the policy aborts what is in flight, or nothing of ours is in flight and
    // the admission holds back everything that remains (a paused drain starts nothing: for it, once the window closes).
    private async Task<bool> WindowOverAsync(SchedulerDecision decision, IReadOnlyList<AttemptRecord> records, DrainState? drainState,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_window.Window is not { } window || decision.IsComplete)
        {
            return false;
        }

        if (_window.AbortsNow(now, decision.InFlight))
        {
            await context.Writer.WriteAsync(new WindowEnded(window.End, decision.InFlight), null, cancellationToken);
            await EndSteps.AbortInFlightAsync(context, Core.Failures.FailureKind.WindowEnded,
                "the maintenance window ended; it is tried again in the next window", cancellationToken);
            return true;
        }

        if (drainState == DrainState.Paused)
        {
            return now >= _window.ClosesAt && decision.InFlight == 0 && !RestartsPending(records);
        }

        return decision.IsWindowSpent(_window.ClosesAt) && !RestartsPending(records);
    }

    /// <summary>When the loop ended stuck: the VMs no node could take, in words.</summary>
    public string? StuckOn { get; private set; }

    private bool IsStuckTooLong(SchedulerDecision decision, DateTimeOffset now)
    {
        if (!decision.IsStuck || decision.WithoutTarget.Count == 0)
        {
            _stuckSince = null;
            return false;
        }

        _stuckSince ??= now;
        return now - _stuckSince.Value >= context.Options.StuckTimeout;
    }

    // Wakes on a cluster change, at the scheduler's wake-up time, when a node Lease renewal or a deferred create falls
    // due, or after a heartbeat interval (signals, stuck timer).
    private async Task WaitAsync(long seen, DateTimeOffset? wakeAt, CancellationToken cancellationToken)
    {
        var delay = WaitDelay(context.Time.GetUtcNow(), wakeAt);
        if (_stateMoved)
        {
            // A start found the drain's state changed (a signal): the next pass acts on it at once.
            _stateMoved = false;
            return;
        }

        await context.View.WhenChangedOrElapsedAsync(seen, delay, context.Time, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
    }

    // How long a wait lasts without a cluster change: until the earliest timer.
    private TimeSpan WaitDelay(DateTimeOffset now, DateTimeOffset? wakeAt)
    {
        var delay = context.Options.HeartbeatInterval;
        foreach (var at in (DateTimeOffset?[])[wakeAt, _nodeLeases.NextDueAfter(now), _window.NextEdgeAfter(now), NextDeferredDue])
        {
            if (at is { } due && due - now < delay)
            {
                delay = due - now;
            }
        }

        return delay;
    }

    // What the cluster shows of the unfinished attempts. On recovery every observation is recorded at once, before any
    // decision. Otherwise the observations are recorded after this pass's starts (RecordObservationsAsync), so a freed
    // slot is refilled without waiting for them: an attempt that ended is decided on as its record will read once written
    // (ObservedRecord); the progress of one still running (phase times, created to running) changes nothing the scheduler
    // reads. Starting before recording an end is safe: the intent of every start is committed before its VMIM, and after
    // a crash the ended VMIM is observed again. Restarts are reconciled (and recorded) as they are found.
    private async Task<(IReadOnlyList<AttemptRecord> Records, List<(AttemptRecord Record, AttemptObservation Observation)> Observed)> ReconcileAsync(
        ClusterState cluster, IReadOnlyList<AttemptRecord> listed, bool recovering, CancellationToken cancellationToken)
    {
        var records = listed.ToList();
        var changed = false;
        var observed = new List<(AttemptRecord, AttemptObservation)>();
        var now = context.Time.GetUtcNow();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.IsFinal)
            {
                changed |= await ReopenIfLandedAsync(record, records, cluster, cancellationToken);
                continue;
            }

            if (record.IsRestart)
            {
                changed |= await ReconcileRestartAsync(record, cluster, cancellationToken);
                continue;
            }

            var vmim = cluster.FindMigration(record.VmiNamespace, record.VmimName);
            if (vmim is not null)
            {
                _created.Remove(record.VmimName);
            }
            else
            {
                vmim = await OwnCreateAsync(record, cancellationToken);
            }

            var absentAtServer = false;
            if (vmim is null && recovering && record.Outcome == AttemptOutcome.Intended)
            {
                (vmim, absentAtServer) = await ReadUnconfirmedAsync(record, cancellationToken);
            }

            var observation = AttemptReconciler.Observe(record, vmim, cluster.FindVmi(record.VmiUid), absentAtServer);
            if (observation is null)
            {
                continue;
            }

            observation = await JudgeNetworkAsync(record, observation, cluster, cancellationToken);

            if (recovering)
            {
                changed = true;
                await RecordObservationAsync(record, observation, cancellationToken);
                continue;
            }

            observed.Add((record, observation));
            if (observation.Outcome.IsFinal())
            {
                records[i] = ObservedRecord.Ended(record, observation, now);
            }
        }

        if (changed)
        {
            _memory.Load(await context.Attempts.ListAsync(context.Id, cancellationToken));
            return (_memory.Records, observed);
        }

        return (records, observed);
    }

    // This process's own create of the attempt, while the informer does not show it. Past CreatedGrace the API server
    // itself is asked: a VMIM deleted (or garbage-collected) before any pass saw it in the view is then gone, and the
    // attempt is decided from its VMI, instead of being followed forever as the create's answer left it.
    private async Task<VirtualMachineInstanceMigration?> OwnCreateAsync(AttemptRecord record, CancellationToken cancellationToken)
    {
        if (!_created.TryGetValue(record.VmimName, out var own))
        {
            return null;
        }

        var now = context.Time.GetUtcNow();
        if (now - own.At < CreatedGrace)
        {
            return own.Vmim;
        }

        var fresh = await context.Actions.GetMigrationAsync(record.VmiNamespace, record.VmimName, cancellationToken);
        if (fresh is null)
        {
            _created.Remove(record.VmimName);
            return null;
        }

        _created[record.VmimName] = (fresh, now);
        return fresh;
    }

    // A create that an owner paused past the fence's bound sent lands after its intent was recorded not_created: the
    // record is reopened (created, followed as any other) rather than left contradicting the cluster, unless a later
    // attempt of the VMI is itself unfinished (then two migrations of one VM exist, which no record can undo; the later
    // one is followed). Only our own VMIM of that name counts.
    private async Task<bool> ReopenIfLandedAsync(AttemptRecord record, IReadOnlyList<AttemptRecord> records, ClusterState cluster,
        CancellationToken cancellationToken)
    {
        if (record.Outcome != AttemptOutcome.NotCreated || record.IsRestart
            || cluster.FindMigration(record.VmiNamespace, record.VmimName) is not { } landed
            || landed.Metadata.Labels?.GetValueOrDefault(NodeLeaseNames.DrainLabel) != context.DrainIdText
            || records.Any(r => r.VmiUid == record.VmiUid && r.Attempt > record.Attempt && !r.IsFinal))
        {
            return false;
        }

        var reopened = false;
        await context.Writer.WriteAsync(new AttemptReopened(record.VmimName, landed.Metadata.Uid, landed.Status?.Phase),
            async t => reopened = await context.Attempts.ReopenAsync(t, record.VmimName, landed.Metadata.Uid, cancellationToken), cancellationToken);
        EngineLog.AttemptReopened(context.Logger, record.VmimName, landed.Metadata.Uid, landed.Status?.Phase);
        return reopened;
    }

    // Ends first, then progress, into the pass's writes.
    private void RecordObservations(List<(AttemptRecord Record, AttemptObservation Observation)> observed)
    {
        foreach (var (record, observation) in observed.Where(o => o.Observation.Outcome.IsFinal())
            .Concat(observed.Where(o => !o.Observation.Outcome.IsFinal())))
        {
            Writes.Observe(ObservedEvent(record, observation), record.VmimName, observation, lazy: !observation.Outcome.IsFinal(),
                () => Observed(record, observation));
        }
    }

    private static AttemptObserved ObservedEvent(AttemptRecord record, AttemptObservation observation) =>
        AttemptObserved.Of(observation.Outcome, record.VmimName) with
        {
            Vmi = record.VmiNamespace + "/" + record.VmiName,
            Mode = observation.Mode,
            TargetAddress = observation.Network?.TargetAddress,
            MigrationNetwork = observation.Network?.MigrationNetwork,
            OnMigrationNetwork = observation.Network?.OnMigrationNetwork,
            FailureClass = observation.FailureClass,
            FailureReason = observation.FailureReason,
        };

    private void Observed(AttemptRecord record, AttemptObservation observation)
    {
        EngineLog.AttemptObserved(context.Logger, record.VmimName, observation.Outcome.ToDatabase());
        if (observation.Outcome.IsFinal())
        {
            EngineMetrics.AttemptEnded(record, observation);
        }
    }

    // On recovery, each observation at once (the records are read again after them).
    private async Task RecordObservationAsync(AttemptRecord record, AttemptObservation observation, CancellationToken cancellationToken)
    {
        await context.Writer.WriteAsync(ObservedEvent(record, observation), async t =>
        {
            await context.Attempts.ObserveAsync(t, record.VmimName, observation, cancellationToken);
            await context.Waves.MarkFinishedWhereDoneAsync(t, context.Id, cancellationToken);
        }, cancellationToken);
        Observed(record, observation);
    }

    private async Task RecordGivenUpAsync(SchedulerDecision decision, CancellationToken cancellationToken)
    {
        foreach (var notice in decision.GivenUp.Where(g => !_givenUp.Contains(g.Item.Vmi.Uid)))
        {
            var vmi = notice.Item.Vmi;
            await context.Writer.WriteAsync(new VmiGivenUp(vmi.Uid, vmi.Namespace, vmi.Name, vmi.NodeName, notice.Attempts, notice.Reason),
                null, cancellationToken);
            _givenUp.Add(vmi.Uid);
            EngineLog.GaveUp(context.Logger, vmi.QualifiedName, notice.Reason);
        }
    }
}
