using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// The migrate step: on every cluster change (and at the scheduler's wake-up time, and at each heartbeat to read
/// signals) reconcile the attempts with the cluster, ask <see cref="DrainScheduler"/> what to start, journal each
/// start, then act.
/// </summary>
internal sealed partial class MigrationLoop(DrainContext context, DrainPlan plan)
{
    // VMIMs this process created, until the informer shows them (so a lagging cache never reads as "deleted").
    private readonly Dictionary<string, VirtualMachineInstanceMigration> _created = new(StringComparer.Ordinal);
    private readonly HashSet<string> _givenUp = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cleaned = new(StringComparer.Ordinal);
    private DateTimeOffset? _stuckSince;

    public async Task<LoopOutcome> RunAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await context.Journal.ReadAsync(context.Id, "vmi.given_up", cancellationToken))
        {
            _givenUp.Add(JournalPayload.Deserialize<GivenUpPayload>(entry.PayloadJson)!.Uid);
        }

        var recovering = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var seen = context.View.Version;
            var drainState = await context.States.ReadStateAsync(context.Id, cancellationToken);
            if (drainState == DrainState.Cancelling)
            {
                return LoopOutcome.Cancelled;
            }

            var cluster = context.View.Current;
            var records = await ReconcileAsync(cluster, recovering, cancellationToken);
            recovering = false;
            var now = context.Time.GetUtcNow();
            var state = new SchedulerState(context.DrainIdText, SnapshotMapper.Map(cluster), plan,
                records.Select(AttemptMapper.ToCore).ToList(), context.Policy, drainState == DrainState.Paused);
            var decision = DrainScheduler.Decide(state, now);
            await RecordGivenUpAsync(decision, cancellationToken);

            // Before any start: a retry of the same VMI re-creates the policy and marker that the cleanup removes.
            await CleanUpPostCopyAsync(records, cancellationToken);
            foreach (var action in decision.Actions.OfType<StartMigration>())
            {
                await StartAsync(action, cluster, cancellationToken);
            }

            await ReportAsync(cluster, records, decision, drainState == DrainState.Paused, cancellationToken);
            if (decision.IsComplete && decision.Actions.Count == 0)
            {
                return LoopOutcome.Completed;
            }

            if (IsStuckTooLong(decision, now))
            {
                return LoopOutcome.Stuck;
            }

            await WaitAsync(seen, decision.WakeAt, cancellationToken);
        }
    }

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

    // Wakes on a cluster change, at the scheduler's wake-up time, or after a heartbeat interval (signals, stuck timer).
    private async Task WaitAsync(long seen, DateTimeOffset? wakeAt, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = context.Options.HeartbeatInterval;
        if (wakeAt is { } at && at - context.Time.GetUtcNow() < delay)
        {
            delay = at - context.Time.GetUtcNow();
        }

        var change = context.View.WhenChangedAsync(seen, waiting.Token);
        var timer = Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, context.Time, waiting.Token);
        await Task.WhenAny(change, timer);
        await waiting.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<IReadOnlyList<AttemptRecord>> ReconcileAsync(ClusterState cluster, bool recovering, CancellationToken cancellationToken)
    {
        var records = await context.Attempts.ListAsync(context.Id, cancellationToken);
        var changed = false;
        foreach (var record in records.Where(r => !r.IsFinal))
        {
            var vmim = cluster.FindMigration(record.VmiNamespace, record.VmimName);
            if (vmim is not null)
            {
                _created.Remove(record.VmimName);
            }
            else
            {
                vmim = _created.GetValueOrDefault(record.VmimName);
            }

            var observation = AttemptReconciler.Observe(record, vmim, cluster.FindVmi(record.VmiUid), mayHaveBeenCreated: !recovering);
            if (observation is null)
            {
                continue;
            }

            changed = true;
            await context.Writer.WriteAsync("attempt." + observation.Outcome, new
            {
                vmim = record.VmimName,
                vmi = record.VmiNamespace + "/" + record.VmiName,
                observation.Mode,
                observation.FailureClass,
                observation.FailureReason,
            }, async t =>
            {
                await context.Attempts.ObserveAsync(t, record.VmimName, observation, cancellationToken);
                await context.Waves.MarkFinishedWhereDoneAsync(t, context.Id, cancellationToken);
            }, cancellationToken);
            EngineLog.AttemptObserved(context.Logger, record.VmimName, observation.Outcome);
        }

        return changed ? await context.Attempts.ListAsync(context.Id, cancellationToken) : records;
    }

    private async Task RecordGivenUpAsync(SchedulerDecision decision, CancellationToken cancellationToken)
    {
        foreach (var notice in decision.GivenUp.Where(g => !_givenUp.Contains(g.Item.Vmi.Uid)))
        {
            var vmi = notice.Item.Vmi;
            await context.Writer.WriteAsync("vmi.given_up",
                new GivenUpPayload(vmi.Uid, vmi.Namespace, vmi.Name, vmi.NodeName, notice.Attempts, notice.Reason), null, cancellationToken);
            _givenUp.Add(vmi.Uid);
            EngineLog.GaveUp(context.Logger, vmi.QualifiedName, notice.Reason);
        }
    }

    /// <summary>A VMI the drain stopped trying to move, as journaled.</summary>
    internal sealed record GivenUpPayload(string Uid, string Namespace, string Name, string Node, int Attempts, string Reason);
}
