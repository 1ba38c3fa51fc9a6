using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// <see cref="PlanRevision.Revise"/> for a drain that revises its plan again and again: each revision predicts again
/// only the migrating items whose inputs moved since the last one (their own learned dirty rate, their source node's
/// NIC bandwidth or whether it was learned, a MigrationPolicy that selects them; every item when the fastest receiver's
/// NIC moved), and keeps the last revision's item instance for every other one, and for one predicted the same again.
/// A learned target start-up alone shifts every item's predicted durations by its change (no prediction again). A
/// change of the rest of the policy, the cluster's migration configuration, the metric dirty rates or the history
/// revises every item. The plan it gives equals <see cref="PlanRevision.Revise"/>'s on the same inputs; its cost is the
/// plan's source nodes and the learned rates (and the migrating items once when the start-up moved; a MigrationPolicy
/// that moved costs the items holding its selector's rarest label), plus one prediction per item that moved.
/// Not thread-safe: one per drain.
/// </summary>
/// <param name="plan">The drain's plan as made at its start.</param>
public sealed class PlanReviser(DrainPlan plan)
{
    private readonly DrainPlan _plan = plan ?? throw new ArgumentNullException(nameof(plan));
    private readonly int[] _migrating = [.. Enumerable.Range(0, plan.Items.Count).Where(i => plan.Items[i].Disposition == PlanDisposition.Migrate)];
    private readonly PolicySelection _selection = new(plan.Items);
    private readonly NodeSlots _nodeSlots = new();
    private readonly Dictionary<string, List<int>> _bySource = IndexBy(plan, i => i.Vmi.NodeName);
    private readonly Dictionary<string, List<int>> _byUid = IndexBy(plan, i => i.Vmi.Uid);
    private readonly Dictionary<string, (long? Nic, bool Learned)> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _drained = new(plan.Nodes, StringComparer.Ordinal);
    private long? _fastestReceiver;
    private Dictionary<string, long> _rates = new(StringComparer.Ordinal);
    private DrainPlan? _last;
    private (DrainPolicy Policy, ClusterMigrationConfig Config, IReadOnlyList<MigrationPolicySnapshot> Policies,
        IReadOnlyDictionary<string, long> Metrics, MigrationHistory History)? _inputs;

    /// <summary>How many items the last revision predicted again (all of them when it revised every item).</summary>
    public int LastPredicted { get; private set; }

    /// <summary>How many items the last revision shifted by a changed target start-up instead of predicting them again.</summary>
    public int LastShifted { get; private set; }

    /// <summary>The plan with its migrating items predicted again, as <see cref="PlanRevision.Revise"/> predicts them.</summary>
    /// <param name="snapshot">The cluster, its nodes' NIC bandwidths the learned ones where no annotation says otherwise.</param>
    /// <param name="policy">The drain policy.</param>
    /// <param name="history">Earlier migrations, without what this drain learned.</param>
    /// <param name="rates">The dirty rates this drain learned, by VMI uid (merged into <paramref name="history"/>).</param>
    /// <param name="learnedNics">The nodes whose NIC bandwidth in <paramref name="snapshot"/> was learned (not annotated).</param>
    public DrainPlan Revise(ClusterSnapshot snapshot, DrainPolicy policy, MigrationHistory history, IReadOnlyDictionary<string, long> rates,
        IReadOnlySet<string> learnedNics)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(learnedNics);
        var fastestReceiver = ReceiverNics.Fastest(snapshot, _drained);
        // A learned target start-up alone moves every prediction by the same amount (each is the start-up plus what
        // follows it): the items are shifted, not predicted again (a full prediction of 10,000 items took ~50 ms).
        var shift = fastestReceiver == _fastestReceiver ? StartupShift(snapshot, policy, history) : null;
        var all = _last is null || (shift is null && !SameInputs(snapshot, policy, history)) || fastestReceiver != _fastestReceiver;
        _fastestReceiver = fastestReceiver;
        // The plan's source nodes (the only ones a prediction reads), by name.
        var nodeByName = new Dictionary<string, NodeSnapshot>(_bySource.Count, StringComparer.Ordinal);
        foreach (var name in _bySource.Keys)
        {
            if (_nodeSlots.Find(snapshot.Nodes, name) is { } node)
            {
                nodeByName[name] = node;
            }
        }

        // The items whose inputs moved: on a source node whose NIC (or its source) moved, with a learned rate that
        // moved, or selected by a MigrationPolicy that moved.
        var moved = new HashSet<int>();
        foreach (var (name, indices) in _bySource)
        {
            var now = (nodeByName.TryGetValue(name, out var node) ? node.NicBandwidthBytesPerSecond : null, learnedNics.Contains(name));
            if (!_nodes.TryGetValue(name, out var before) || before != now)
            {
                _nodes[name] = now;
                moved.UnionWith(indices);
            }
        }

        foreach (var (uid, rate) in rates)
        {
            if ((!_rates.TryGetValue(uid, out var before) || before != rate) && _byUid.TryGetValue(uid, out var indices))
            {
                moved.UnionWith(indices);
            }
        }

        foreach (var uid in _rates.Keys)
        {
            if (!rates.ContainsKey(uid) && _byUid.TryGetValue(uid, out var indices))
            {
                moved.UnionWith(indices);
            }
        }

        if (!all && _inputs is { } inputs && !ReferenceEquals(inputs.Policies, snapshot.Policies))
        {
            _selection.AddSelected(PolicyChanges.Moved(inputs.Policies, snapshot.Policies), moved);
        }

        _rates = new Dictionary<string, long>(rates, StringComparer.Ordinal);
        _inputs = (policy, snapshot.Config, snapshot.Policies, snapshot.MetricDirtyRates, history);
        var merged = history.WithDirtyRates(rates);
        if (all)
        {
            moved.Clear();
            moved.UnionWith(_migrating);
        }

        LastPredicted = moved.Count;
        LastShifted = 0;
        if (moved.Count == 0 && _last is not null && shift is null)
        {
            return _last;
        }

        List<PlannedVmi> items = _last is null ? [.. _plan.Items] : [.. _last.Items];
        var changed = _last is null;
        if (shift is { } by)
        {
            foreach (var i in _migrating)
            {
                if (!moved.Contains(i))
                {
                    items[i] = Shifted(items[i], by);
                    LastShifted++;
                }
            }

            changed = true;
        }

        foreach (var i in moved)
        {
            var last = items[i];
            var again = PlanRevision.Predict(_plan.Items[i], snapshot, policy, merged, learnedNics, nodeByName, fastestReceiver);
            if (_last is not null && again.Equals(last))
            {
                continue;
            }

            items[i] = again;
            changed = true;
        }

        _last = changed || _last is null ? _plan with { Items = items } : _last;
        return _last;
    }

    // The target start-up's change when it is the only input besides the nodes and rates that moved since the last
    // revision (a change of zero counts as none); null otherwise.
    private TimeSpan? StartupShift(ClusterSnapshot snapshot, DrainPolicy policy, MigrationHistory history)
    {
        if (_inputs is not { } inputs || ReferenceEquals(inputs.Policy, policy))
        {
            return null;
        }

        var (before, now) = (inputs.Policy.CostModel.TargetStartup, policy.CostModel.TargetStartup);
        return before != now && WithoutStartup(inputs.Policy).Equals(WithoutStartup(policy)) && SameCluster(snapshot, history) ? now - before : null;
    }

    // The policy with a fixed start-up (set, so a default and a learned one compare alike).
    private static DrainPolicy WithoutStartup(DrainPolicy policy) => policy with { CostModel = policy.CostModel with { TargetStartup = TimeSpan.Zero } };

    // An item's predictions with the start-up moved by `by`: every estimate's duration begins with the start-up
    // (MigrationCostModel.Estimate); nothing else in the item reads it.
    private static PlannedVmi Shifted(PlannedVmi item, TimeSpan by) => item with
    {
        Estimate = item.Estimate with { Duration = item.Estimate.Duration + by },
        AloneEstimate = item.AloneEstimate is { } alone ? alone with { Duration = alone.Duration + by } : null,
    };

    // Whether everything every item's prediction reads besides its node and its rate is as at the last revision.
    private bool SameInputs(ClusterSnapshot snapshot, DrainPolicy policy, MigrationHistory history) =>
        SameCluster(snapshot, history)
        && _inputs is { } inputs
        && (ReferenceEquals(inputs.Policy, policy) || inputs.Policy.Equals(policy));

    // Whether the history, the cluster's migration configuration and the metric dirty rates are as at the last revision.
    private bool SameCluster(ClusterSnapshot snapshot, MigrationHistory history) =>
        _inputs is { } inputs
        && ReferenceEquals(inputs.History, history)
        && ReferenceEquals(inputs.Config, snapshot.Config)
        && (ReferenceEquals(inputs.Metrics, snapshot.MetricDirtyRates) || (inputs.Metrics.Count == 0 && snapshot.MetricDirtyRates.Count == 0));

    // The migrating items' indices by a key of theirs.
    private static Dictionary<string, List<int>> IndexBy(DrainPlan plan, Func<PlannedVmi, string> key)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Items.Count; i++)
        {
            var item = plan.Items[i];
            if (item.Disposition != PlanDisposition.Migrate)
            {
                continue;
            }

            var k = key(item);
            if (!index.TryGetValue(k, out var indices))
            {
                index[k] = indices = [];
            }

            indices.Add(i);
        }

        return index;
    }
}
