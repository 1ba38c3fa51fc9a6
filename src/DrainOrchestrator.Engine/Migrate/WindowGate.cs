using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Windows;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// The maintenance window of this run, as the migrate loop sees it: the admission the scheduler decides with (its
/// factor refined by this drain's finished migrations, from every window it ran in), the record of each migration it
/// holds back (once per VMI and window), and the times the loop must wake at (the admission's close, the window's end).
/// </summary>
internal sealed class WindowGate(DrainContext context, DrainPlan plan)
{
    private readonly Dictionary<string, TimeSpan> _predicted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recorded = new(StringComparer.Ordinal);

    public MaintenanceWindow? Window => context.Window;

    public DateTimeOffset ClosesAt => context.WindowClosesAt;

    /// <summary>Reads what the journal knows (the predictions of the first plan, what this window held back) and opens the window once.</summary>
    public async Task LoadAsync(IReadOnlyList<AttemptRecord> records, CancellationToken cancellationToken)
    {
        if (Window is not { } window)
        {
            return;
        }

        foreach (var item in await context.Journal.ReadAsync<PlanItem>(context.Id, cancellationToken))
        {
            _predicted[item.Uid] = TimeSpan.FromSeconds(item.PredictedSeconds);
        }

        foreach (var item in plan.Items)
        {
            _predicted[item.Vmi.Uid] = item.Estimate.Duration;
        }

        foreach (var held in await context.Journal.ReadAsync<MigrationHeldBack>(context.Id, cancellationToken))
        {
            if (held.ClosesAt == ClosesAt)
            {
                _recorded.Add(held.Uid);
            }
        }

        var opened = await context.Journal.ReadAsync<WindowOpened>(context.Id, cancellationToken);
        if (!opened.Any(o => o.End == window.End))
        {
            await context.Writer.WriteAsync(new WindowOpened(window.Start, window.End, context.Policy.Window.Margin.TotalSeconds,
                Factor(records)), null, cancellationToken);
        }
    }

    /// <summary>The admission for this pass; null without a window.</summary>
    public WindowAdmission? Admission(IReadOnlyList<AttemptRecord> records) =>
        Window is null ? null : new WindowAdmission(ClosesAt, Factor(records));

    /// <summary>Journals each migration the admission held back that this window has not recorded yet.</summary>
    public async Task RecordHeldBackAsync(SchedulerDecision decision, WindowAdmission? admission, CancellationToken cancellationToken)
    {
        if (admission is null)
        {
            return;
        }

        foreach (var item in decision.HeldBack.Where(h => !_recorded.Contains(h.Vmi.Uid)))
        {
            await context.Writer.WriteAsync(new MigrationHeldBack(item.Vmi.QualifiedName, item.Vmi.Uid, admission.Predict(item).TotalSeconds,
                admission.ClosesAt), null, cancellationToken);
            _recorded.Add(item.Vmi.Uid);
        }
    }

    /// <summary>Whether the window ended and the policy aborts what is still in flight.</summary>
    public bool AbortsNow(DateTimeOffset now, int inFlight) =>
        Window is { } window && now >= window.End && inFlight > 0 && context.Policy.Window.AtEnd == Core.Policy.WindowEndAction.Abort;

    /// <summary>The next time the window's admission or end changes what the loop may do; null when none is ahead.</summary>
    public DateTimeOffset? NextEdgeAfter(DateTimeOffset now) => Window is not { } window ? null
        : now < ClosesAt ? ClosesAt
        : now < window.End ? window.End
        : null;

    // This drain's finished migrations, each against what the plan predicted for it.
    private double Factor(IReadOnlyList<AttemptRecord> records)
    {
        var samples = new List<DurationSample>();
        foreach (var r in records)
        {
            if (r.Outcome == AttemptOutcome.Succeeded && !r.IsRestart && r.CreatedAt is { } created && r.FinishedAt is { } finished
                && _predicted.TryGetValue(r.VmiUid, out var predicted))
            {
                samples.Add(new DurationSample(predicted, finished - created));
            }
        }

        return PessimisticDuration.Factor(samples, context.Policy.Window);
    }
}
