using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Persistence.Budget;
using DrainOrchestrator.Persistence.Fencing;
using Npgsql;

namespace DrainOrchestrator.Engine.Budget;

/// <summary>
/// One drain's side of its cluster's budget (<see cref="ClusterBudgetStore"/>), for the migrate loop: each pass it reads
/// the view (<see cref="Observe"/>), lets Core propose what the drain would start with the other drains' migrations
/// set aside (<see cref="ProposalPolicy"/>) and never onto the other drains' nodes (<see cref="OtherDrainingNodesAsync"/>),
/// reserves a slot for each start in the transaction of its intent (<see cref="TryReserveAsync"/>), and publishes what
/// is still wanted (<see cref="PublishAsync"/>).
/// </summary>
/// <remarks>
/// Core counts every unfinished VMIM it sees against the drain's own limit, so with another drain's migrations in the
/// cluster it would propose nothing and the drain would never claim its share. Raising that limit by the other drains'
/// migrations in view makes Core propose what this drain would start if the budget were its alone (those migrations
/// still occupy their targets' memory and inbound slots); the durable reservation then decides, for all drains at once.
/// </remarks>
internal sealed class MigrationBudget(DrainContext context)
{
    private readonly ClusterBudgetStore _store = new(context.Writer.DataSource, context.Time);
    private ClusterLoad _load = ClusterLoad.Empty;
    private ClusterState? _cluster;
    private BudgetLimits _limits = new(1, 1);
    private BudgetDemand? _published;
    private DateTimeOffset _publishedAt;
    private IReadOnlySet<string>? _otherNodes;
    private DateTimeOffset _otherNodesReadAt;

    /// <summary>Why the last reservation was refused; <see cref="SlotRefusal.None"/> when it was granted.</summary>
    public SlotRefusal LastRefusal { get; private set; }

    /// <summary>How old another drain's demand may be and still count: twice the lease, so a live engine always counts.</summary>
    public TimeSpan DemandMaxAge => context.Options.LeaseDuration * 2;

    private string Cluster => context.Drain.Cluster;

    /// <summary>Reads this pass's view: limits, foreign and other drains' migrations, ended VMIMs.</summary>
    public void Observe(ClusterState cluster, ClusterSnapshot snapshot, IEnumerable<string> justEnded)
    {
        _load = ClusterLoad.Of(cluster, snapshot, context.DrainIdText, justEnded);
        _cluster = cluster;
        _limits = BudgetLimits.Of(snapshot.Config, context.Policy);
    }

    /// <summary>The policy Core proposes with: the drain's own, its cluster limit raised by the other drains' migrations in view.</summary>
    public DrainPolicy ProposalPolicy(DrainPolicy policy) => _load.OtherDrainsInFlight == 0
        ? policy
        : policy with { MaxParallelMigrations = policy.MaxParallelMigrations + _load.OtherDrainsInFlight };

    /// <summary>The nodes of the other unfinished drains of the cluster as last read (read now on the first call).</summary>
    public async Task<IReadOnlySet<string>> OtherDrainingNodesAsync(CancellationToken cancellationToken)
    {
        if (_otherNodes is null)
        {
            await ReadOtherDrainingNodesAsync(cancellationToken);
        }

        return _otherNodes!;
    }

    /// <summary>Reads the other drains' nodes again once a heartbeat interval has passed (after a pass's starts).</summary>
    public async Task RefreshDueAsync(CancellationToken cancellationToken)
    {
        if (context.Time.GetUtcNow() - _otherNodesReadAt >= context.Options.HeartbeatInterval)
        {
            await ReadOtherDrainingNodesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Asks for the slot of <paramref name="action"/> in <paramref name="transaction"/> (which must roll back when refused,
    /// and make <see cref="GrantChange"/> when granted);
    /// <paramref name="wanted"/> counts it and the starts after it in this pass. A refusal is logged and counted.
    /// </summary>
    public async Task<bool> TryReserveAsync(NpgsqlTransaction transaction, StartMigration action, int wanted, CancellationToken cancellationToken)
    {
        var verdict = await _store.DecideAsync(transaction, Request(action, wanted), cancellationToken);
        LastRefusal = verdict.Refusal;
        if (!verdict.Granted)
        {
            BudgetMetrics.Refused(Cluster, verdict.Refusal);
            BudgetLog.Refused(context.Logger, Cluster, action.Name, verdict.Refusal.ToString(), verdict.InFlight, verdict.ClusterLimit,
                verdict.Foreign, verdict.NodeOutbound, verdict.NodeLimit, action.SourceNode, verdict.Held, verdict.Share);
        }

        return verdict.Granted;
    }

    /// <summary>
    /// Whether the restart of <paramref name="action"/> may begin in <paramref name="transaction"/> (which records its
    /// intent when it may): its unavailability budgets, counted across every drain of the cluster under its lock. A
    /// refusal is logged.
    /// </summary>
    public async Task<bool> TryAllowRestartAsync(NpgsqlTransaction transaction, RestartElsewhere action, CancellationToken cancellationToken)
    {
        if (!action.Budgets.Any(b => b.Kind == Core.Budgets.BudgetLimitKind.MaxUnavailable))
        {
            return true;
        }

        var refusing = await ClusterBudgetStore.DecideRestartAsync(transaction, Cluster,
            [.. action.Budgets.Select(b => ApplicationBudgetSlots.Request(b, _load, _cluster))], _load.Ended, StillInFlight, cancellationToken);
        if (refusing is not null)
        {
            BudgetLog.RestartRefused(context.Logger, Cluster, action.Name, refusing);
        }

        return refusing is null;
    }

    /// <summary>The stamp of the slot <see cref="TryReserveAsync"/> grants, to make with the intent in the same transaction.</summary>
    public FencedChange GrantChange(StartMigration action, int wanted) =>
        ClusterBudgetStore.GrantChange(Request(action, wanted), context.Time.GetUtcNow());

    private SlotRequest Request(StartMigration action, int wanted) =>
        new(Cluster, context.Id, action.SourceNode, _limits.Cluster, _limits.Node, _load.Foreign, _load.Ended, wanted, DemandMaxAge)
        {
            Budgets = action.Budgets.Count == 0 ? [] : [.. action.Budgets.Select(b => ApplicationBudgetSlots.Request(b, _load, _cluster))],
            StillInFlight = StillInFlight,
        };

    // Whether this pass's view shows the VMIM unfinished (for the attempts of drains that ended).
    private bool StillInFlight(string @namespace, string name) =>
        _cluster?.Index.Migration(ClusterIndex.Key(@namespace, name)) is { } vmim && !MigrationStatus.IsFinished(vmim);

    /// <summary>Publishes what the drain still wants when it changed, or once a heartbeat interval has passed.</summary>
    public async Task PublishAsync(int wanted, CancellationToken cancellationToken)
    {
        var demand = new BudgetDemand(Cluster, context.Id, wanted, _load.Foreign.Total, _limits.Cluster);
        var now = context.Time.GetUtcNow();
        if (demand == _published && now - _publishedAt < context.Options.HeartbeatInterval)
        {
            return;
        }

        await _store.PublishDemandAsync(demand, cancellationToken);
        (_published, _publishedAt) = (demand, now);
    }

    private async Task ReadOtherDrainingNodesAsync(CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        _otherNodes = await _store.ReadOtherDrainNodesAsync(Cluster, context.Id, cancellationToken);
        _otherNodesReadAt = now;
    }

    /// <summary>Removes the drain's demand: its migrate step is over.</summary>
    public async Task WithdrawAsync(CancellationToken cancellationToken)
    {
        await _store.WithdrawDemandAsync(context.Id, cancellationToken);
        _published = null;
    }
}
