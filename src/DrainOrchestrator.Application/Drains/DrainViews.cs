using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Budget;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Application.Drains;

/// <summary>Builds the front doors' views from the records.</summary>
internal static class DrainViews
{
    public static DrainStatus StatusOf(DrainRecord d) => d.State switch
    {
        DrainState.Succeeded => DrainStatus.Succeeded,
        DrainState.Failed => DrainStatus.Failed,
        DrainState.Cancelled => DrainStatus.Cancelled,
        DrainState.Paused => DrainStatus.Paused,
        DrainState.Suspended => DrainStatus.Suspended,
        // Started once and nobody holds it now: it waits for an engine to resume it.
        _ when d.StartedAt is not null && !d.Owned => DrainStatus.Interrupted,
        _ => DrainStatus.Running,
    };

    /// <summary>The recorded states a user's state can stand for.</summary>
    public static IReadOnlyCollection<DrainState> RecordedStates(DrainStatus status) => status switch
    {
        DrainStatus.Succeeded => [DrainState.Succeeded],
        DrainStatus.Failed => [DrainState.Failed],
        DrainStatus.Cancelled => [DrainState.Cancelled],
        DrainStatus.Paused => [DrainState.Paused],
        DrainStatus.Suspended => [DrainState.Suspended],
        _ => [DrainState.Pending, DrainState.Running, DrainState.Paused, DrainState.Suspended, DrainState.Cancelling],
    };

    public static DrainView Of(DrainRecord d, IReadOnlyList<AttemptRecord>? attempts = null, IReadOnlyList<DrainBudgetStatus>? budget = null,
        ClusterViewHold? viewHold = null) => new(
        d.Id, d.Name, d.Cluster, StatusOf(d), d.State.ToDatabase(), d.PolicyJson, d.RequestedBy, d.CreatedAt, d.StartedAt, d.FinishedAt, d.OutcomeReason,
        d.Nodes.Select(Node).ToList(), attempts is null ? [] : Vms(attempts),
        budget?.FirstOrDefault(b => b.DrainId == d.Id) is { } mine && !d.State.IsFinal()
            ? new BudgetView(mine.Held, mine.Wanted, mine.Share, mine.ClusterLimit, mine.ForeignInFlight)
            : null,
        d.State.IsFinal() ? null : viewHold)
        {
            ReturnsDrain = d.ReturnsDrain,
        };

    /// <summary>The hold on a stale view the drain's journal ends with (its last view event is a stale one), or null.</summary>
    public static ClusterViewHold? HoldOf(IReadOnlyList<DrainViewEvent> viewEvents) =>
        viewEvents.Count > 0 && viewEvents[^1] is DrainViewStale stale ? new ClusterViewHold(stale.Since, stale.Reason) : null;

    private static NodeView Node(DrainNodeRecord n) => new(n.NodeName, n.State.ToDatabase(), n.VmisTotal, n.VmisMigrated,
        Math.Max(0, (n.VmisTotal ?? 0) - n.VmisMigrated - n.VmisSkipped - n.VmisFailed), n.VmisFailed, n.VmisSkipped, n.ReleasedAt is not null, n.LastError);

    // Per VM, its latest attempt (attempts are listed in order, so the last one of a VMI wins).
    private static List<VmView> Vms(IReadOnlyList<AttemptRecord> attempts)
    {
        var latest = new Dictionary<string, AttemptRecord>(StringComparer.Ordinal);
        foreach (var a in attempts)
        {
            if (!latest.TryGetValue(a.VmiUid, out var seen) || a.Attempt >= seen.Attempt)
            {
                latest[a.VmiUid] = a;
            }
        }

        return latest.Values.OrderBy(a => a.VmiNamespace, StringComparer.Ordinal).ThenBy(a => a.VmiName, StringComparer.Ordinal)
            .Select(a => new VmView(a.VmiNamespace, a.VmiName, a.SourceNode, a.TargetNode, a.Attempt, a.WaveNumber, a.Outcome.ToDatabase(), a.Mode,
                a.FailureReason, a.StartedAt ?? a.CreatedAt, a.FinishedAt))
            .ToList();
    }
}
