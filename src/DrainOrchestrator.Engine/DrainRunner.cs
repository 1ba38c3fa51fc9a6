using DrainOrchestrator.Core.Windows;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Interop;
using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Engine.MoveBack;
using DrainOrchestrator.Engine.Policy;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Persistence.Waves;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Engine;

/// <summary>
/// Runs one drain to its end: takes the drain's lease (waiting out a crashed owner's), then runs the steps validate,
/// lock, cordon, plan, migrate, verify, finish. Every step is repeatable; a run after a crash re-reads the journal and
/// the cluster and continues. A database outage is waited out (<see cref="DatabaseOutage"/>). Returns early, without
/// finishing the drain, only when the lease is lost, the database stays unreachable for longer than
/// <see cref="DrainEngineOptions.DatabaseOutageTimeout"/>, or the caller cancels.
/// </summary>
public sealed class DrainRunner(NpgsqlDataSource dataSource, IClusterView view, IClusterActions actions,
    DrainEngineOptions options, TimeProvider timeProvider, ILogger<DrainRunner> logger)
{
    /// <summary>Where the plan reads the guests' dirty rates (docs/learned-inputs.md); null without metrics.</summary>
    public Learning.PrometheusReader? Metrics { get; init; }

    /// <summary>Runs the drain; <paramref name="progress"/> receives live progress during the migrate step.</summary>
    public Task<DrainResult> RunAsync(Guid drainId, IProgress<DrainProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(drainId, progress, null, cancellationToken);

    /// <summary>
    /// Runs the drain inside <paramref name="window"/> (null: without one, unless the drain was interrupted while it ran
    /// or waited paused in a window: then in that one): no migration starts that is predicted to end after it, and when
    /// nothing more fits the drain is suspended (<see cref="DrainRunState.Suspended"/>) for a run in a later window.
    /// </summary>
    public async Task<DrainResult> RunAsync(Guid drainId, IProgress<DrainProgress>? progress, MaintenanceWindow? window, CancellationToken cancellationToken)
    {
        options.Validate();
        var drains = new DrainStore(dataSource, timeProvider);
        var states = new DrainStateStore(dataSource, timeProvider);
        DrainRecord drain;
        OwnershipLease? taken = null;
        DrainRecord current;
        try
        {
            drain = await Prologue(ct => drains.FindAsync(drainId.ToString("D"), ct), cancellationToken)
                ?? throw new ArgumentException($"There is no drain {drainId}.", nameof(drainId));
            if (drain.State.IsFinal())
            {
                return Ended(drain);
            }

            var leases = new LeaseStore(dataSource);
            taken = await Prologue(ct => AcquireUnlessFinishedAsync(leases, drainId, states, ct), cancellationToken);
            current = await Prologue(ct => drains.FindAsync(drainId.ToString("D"), ct), cancellationToken) ?? drain;
            // A drain interrupted while it ran (or waited paused) in a maintenance window keeps to that window when a run
            // comes with none: the server's take-over of a drain whose replica died mid-window must not migrate past its
            // end. A suspended drain run with no window is an operator's choice (drainctl without --window-end), and a
            // run given a window (the workflow's next occurrence, drainctl --window-end) uses that one.
            if (window is null && current.State is DrainState.Running or DrainState.Paused)
            {
                window = await Prologue(ct => LastWindowAsync(drainId, ct), cancellationToken);
            }
        }
        catch (DatabaseOutageException ex)
        {
            if (taken is not null)
            {
                await taken.DisposeAsync();
            }

            return new DrainResult(drainId, DrainRunState.Interrupted, ex.Message);
        }

        await using var ownership = taken;
        if (ownership is null || current.State.IsFinal())
        {
            // Another process finished the drain while this one waited for its lease: report that end, do not redo it.
            return Ended(current);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ownership.Lost);
        var journal = new JournalStore(dataSource, timeProvider);
        var writer = new FencedWriter(dataSource, ownership, drainId, options.Holder, timeProvider);
        var outage = new DatabaseOutage(dataSource, ownership, writer, options, timeProvider, logger);
        var context = new DrainContext(drain, PolicyDocument.Read(drain.PolicyJson), view, actions, writer,
            new AttemptStore(dataSource, timeProvider), new WaveStore(dataSource, timeProvider), states, journal, options,
            timeProvider, logger, progress, ownership, outage)
        {
            Window = window,
            Metrics = Metrics,
        };
        try
        {
            return await RunRidingOutagesAsync(context, linked.Token);
        }
        catch (Exception ex) when (ex is LeaseLostException || (ex is OperationCanceledException && ownership.Lost.IsCancellationRequested))
        {
            return new DrainResult(drainId, DrainRunState.Lost, "this process lost the drain's lease; another process continues it");
        }
        catch (DatabaseOutageException ex)
        {
            return new DrainResult(drainId, DrainRunState.Interrupted, ex.Message);
        }
        catch (Exception ex) when (InfrastructureFailure.Explain(ex, cancellationToken) is { } why)
        {
            EngineLog.RunInterrupted(logger, why);
            return new DrainResult(drainId, DrainRunState.Interrupted, why);
        }
    }

    private async Task<MaintenanceWindow?> LastWindowAsync(Guid drainId, CancellationToken cancellationToken) =>
        await new JournalStore(dataSource, timeProvider).ReadAsync<WindowOpened>(drainId, cancellationToken) is [.., var last]
            ? new MaintenanceWindow(last.Start, last.End)
            : null;

    // A database call before the steps run, repeated while PostgreSQL restarts (DatabaseRetry).
    private Task<T> Prologue<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        DatabaseRetry.UntilAnsweredAsync(dataSource, options, timeProvider, call, cancellationToken);

    private static DrainResult Ended(DrainRecord drain) =>
        new(drain.Id, DrainRunStates.Of(drain.State), drain.OutcomeReason ?? drain.State.ToDatabase());

    // Null when the drain ended while this process waited for its lease (the owner had finished it but not yet let go).
    private async Task<OwnershipLease?> AcquireUnlessFinishedAsync(LeaseStore leases, Guid drainId, DrainStateStore states,
        CancellationToken cancellationToken)
    {
        try
        {
            return await OwnershipLease.AcquireAsync(leases, drainId, options, timeProvider, logger,
                async ct => await states.ReadStateAsync(drainId, ct) is { } s && !s.IsFinal(), cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    // The migrate loop rides out its own outages and carries on. An outage in another step runs the steps again from
    // the journal once the database is back (they are repeatable), unless the drain ended meanwhile: a final commit
    // whose answer was lost. A Kubernetes API server that keeps failing a step's call is ridden out the same way
    // (ApiOutage), up to the API outage timeout.
    private async Task<DrainResult> RunRidingOutagesAsync(DrainContext context, CancellationToken cancellationToken)
    {
        var resumed = false;
        var api = new ApiOutage(options, timeProvider, logger, context.Drain.Name);
        while (true)
        {
            try
            {
                if (resumed && await new DrainStore(dataSource, timeProvider).FindAsync(context.DrainIdText, cancellationToken) is { } drain
                    && drain.State.IsFinal())
                {
                    return Ended(drain);
                }

                return await RunStepsAsync(context, cancellationToken);
            }
            catch (Exception ex) when (DatabaseOutage.IsOutage(ex, cancellationToken))
            {
                await context.Outage.RideOutAsync(ex, cancellationToken);
                resumed = true;
            }
            catch (KubernetesApiException ex) when (ApiOutage.IsOutage(ex, cancellationToken))
            {
                await api.RideOutAsync(ex, cancellationToken);
                resumed = true;
            }
        }
    }

    private async Task<DrainResult> RunStepsAsync(DrainContext context, CancellationToken cancellationToken)
    {
        var done = (await context.Journal.ReadAsync<StepCompleted>(context.Id, cancellationToken))
            .Select(e => e.Step).ToHashSet(StringComparer.Ordinal);
        var state = await context.States.ReadStateAsync(context.Id, cancellationToken);
        if (state == DrainState.Suspended && context.Time.GetUtcNow() >= context.WindowClosesAt)
        {
            // Run once its window has closed (a workflow resumed late): it starts nothing and stays suspended, its nodes
            // untouched (taking them up would cordon them only to let them go again).
            var why = $"the maintenance window closed at {context.WindowClosesAt:u}; the drain stays suspended for its next window";
            EngineLog.DrainFinished(context.Logger, context.Drain.Name, DrainState.Suspended.ToDatabase(), why);
            return new DrainResult(context.Id, DrainRunState.Suspended, why);
        }

        var moved = true;
        if (state == DrainState.Pending)
        {
            await context.Writer.WriteAsync(new DrainStarted(options.Holder),
                async t => moved = await context.States.SetStateAsync(t, context.Id, DrainState.Running, null, cancellationToken,
                    onlyFrom: DrainState.Pending), cancellationToken);
        }
        else if (state == DrainState.Suspended)
        {
            moved = await SuspendStep.ResumeAsync(context, options.Holder, cancellationToken);
        }
        else
        {
            await context.Writer.WriteAsync(new DrainResumed(options.Holder, state), null, cancellationToken);
        }

        if (!moved)
        {
            // An operator's signal came between the read and the move (a cancel sent right after the create): it stands.
            state = await context.States.ReadStateAsync(context.Id, cancellationToken);
        }

        if (state == DrainState.Cancelling)
        {
            return await EndSteps.CancelAsync(context, cancellationToken);
        }

        if (!done.Contains(DrainSteps.Validate))
        {
            await context.ViewGate.WaitUntilFreshAsync(cancellationToken);
            var problems = PreparationSteps.Validate(context);
            if (problems.Count > 0)
            {
                return await EndSteps.FinishAsync(context, DrainState.Failed, "validation failed: " + string.Join("; ", problems), cancellationToken);
            }

            await PreparationSteps.CompleteAsync(context, DrainSteps.Validate, cancellationToken);
        }

        // A move-back's nodes stay in service: it neither locks nor cordons them.
        if (!context.IsMoveBack && await LockAndCordonAsync(context, done, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!done.Contains(DrainSteps.Plan))
        {
            await context.ViewGate.WaitUntilFreshAsync(cancellationToken);
        }

        var plan = context.IsMoveBack
            ? await ReturnPlanStep.PlanAsync(context, context.Writer.DataSource, done.Contains(DrainSteps.Plan), cancellationToken)
            : await PlanStep.PlanAsync(context, context.Writer.DataSource, done.Contains(DrainSteps.Plan), cancellationToken);
        if (!done.Contains(DrainSteps.Plan))
        {
            await PlanStep.RecordAsync(context, plan, cancellationToken);
            if (plan.IsBlocked)
            {
                var why = string.Join("; ", plan.Blockers.Select(b => $"{b.Vmi.QualifiedName}: {b.Detail ?? b.Reason.ToString()}"));
                return await EndSteps.FinishAsync(context, DrainState.Failed, "blocked before any migration: " + why, cancellationToken);
            }

            await PreparationSteps.CompleteAsync(context, DrainSteps.Plan, cancellationToken);
        }

        // Once migrate is journaled complete a repeat (after a crash or an outage in a later step) must not run the loop
        // over a plan made from the emptied nodes: it would overwrite the recorded per-node counts with zeros.
        var loop = new MigrationLoop(context, plan);
        var outcome = done.Contains(DrainSteps.Migrate) ? LoopOutcome.Completed : await loop.RunAsync(cancellationToken);
        switch (outcome)
        {
            case LoopOutcome.Suspended:
                return await SuspendStep.SuspendAsync(context, loop.Remaining, cancellationToken);
            case LoopOutcome.Cancelled:
                return await EndSteps.CancelAsync(context, cancellationToken);
            case LoopOutcome.MissedMigrationNetwork:
                return await EndSteps.FinishAsync(context, DrainState.Failed, "migrationNetwork is fail: " + loop.NetworkFailure, cancellationToken);
            case LoopOutcome.Stuck:
                return await EndSteps.FinishAsync(context, DrainState.Failed,
                    $"no node can take the remaining VMs (waited {options.StuckTimeout}): {loop.StuckOn}", cancellationToken);
        }

        await Complete(context, done, DrainSteps.Migrate, cancellationToken);
        var returns = context.IsMoveBack
            ? await new ReturnVerify(view, timeProvider, options.VerifySettleTimeout, logger).RunAsync(plan, cancellationToken)
            : null;
        var left = returns is not null
            ? returns.NotHome
            : await new VerifyStep(view, timeProvider, options.VerifySettleTimeout, logger).RunAsync(plan, context.Nodes, cancellationToken);
        if (left.Count > 0)
        {
            return await EndSteps.FinishAsync(context, DrainState.Failed,
                $"{left.Count} VM(s) could not be moved: {string.Join(", ", left)}", cancellationToken);
        }

        await Complete(context, done, DrainSteps.Verify, cancellationToken);
        // A cancel accepted after the loop's last read of the state (the last migrations in flight, verify) is honoured:
        // the operator was told the drain is cancelling, so it does not end succeeded. Nothing is left to abort.
        if (await context.States.ReadStateAsync(context.Id, cancellationToken) == DrainState.Cancelling)
        {
            return await EndSteps.FinishAsync(context, DrainState.Cancelled, EndSteps.CancelledAfterTheLastMigration, cancellationToken);
        }

        var skipped = plan.Skipped.Count();
        if (returns is not null)
        {
            var movedSince = returns.MovedSince.Count == 0 ? string.Empty : $"; moved by someone else while it ran: {string.Join(", ", returns.MovedSince)}";
            return await EndSteps.FinishAsync(context, DrainState.Succeeded, skipped + returns.MovedSince.Count == 0
                ? "every VM the drain moved is back on its original node"
                : $"every VM that could return is back on its original node; {skipped + returns.MovedSince.Count} left in place (see the report){movedSince}",
                cancellationToken);
        }

        return await EndSteps.FinishAsync(context, DrainState.Succeeded,
            skipped == 0 ? "every VM left the nodes" : $"every migratable VM left the nodes; {skipped} skipped by policy", cancellationToken);
    }

    // Lock (node Leases) and cordon; the drain's end when either is refused, else null.
    private static async Task<DrainResult?> LockAndCordonAsync(DrainContext context, HashSet<string> done, CancellationToken cancellationToken)
    {
        var (held, leaseRefused) = await PreparationSteps.LockAsync(context, cancellationToken);
        if (held.Count > 0)
        {
            // A node another tool took over (its Lease expired while the drain was suspended or its engine down) is that
            // tool's now: the drain leaves it cordoned, whatever its policy says, and does not touch its Lease.
            return await EndSteps.FinishAsync(context, DrainState.Failed, "another maintenance tool holds: " + string.Join("; ", held.Select(h => h.Why)),
                cancellationToken, heldByOthers: [.. held.Select(h => h.Node)]);
        }

        if (leaseRefused is not null)
        {
            return await EndSteps.FinishAsync(context, DrainState.Failed, "requireInterop: " + leaseRefused.Describe(), cancellationToken);
        }

        await Complete(context, done, DrainSteps.Lock, cancellationToken);
        if (!done.Contains(DrainSteps.Cordon))
        {
            await context.ViewGate.WaitUntilFreshAsync(cancellationToken);
            await PreparationSteps.CordonAsync(context, cancellationToken);
            var conditionsRefused = await NodeConditionMarks.MarkAsync(context, context.Nodes, NodeLifecycleMark.Started,
                PreparationSteps.InProgressMessage(context), cancellationToken);
            if (conditionsRefused is not null && context.Policy.RequireInterop)
            {
                return await EndSteps.FinishAsync(context, DrainState.Failed, "requireInterop: " + conditionsRefused.Describe(), cancellationToken);
            }

            await PreparationSteps.CompleteAsync(context, DrainSteps.Cordon, cancellationToken);
        }
        else
        {
            await PreparationSteps.CordonAgainAsync(context, cancellationToken);
        }

        return null;
    }

    private static async Task Complete(DrainContext context, HashSet<string> done, string step, CancellationToken cancellationToken)
    {
        if (done.Add(step))
        {
            await PreparationSteps.CompleteAsync(context, step, cancellationToken);
        }
    }
}
