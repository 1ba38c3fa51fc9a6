using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// <see cref="PlanRevision.Revise"/> for a drain that revises its plan again and again: each revision predicts again
/// only the migrating items whose inputs moved since the last one (their own learned dirty rate, or their source node's
/// NIC bandwidth or whether it was learned; every item when the fastest receiver's NIC moved), and keeps the last revision's item instance for every other one, and for
/// one predicted the same again. A change of the policy, the cluster's migration configuration or policies, the metric
/// dirty rates or the history revises every item. The plan it gives equals <see cref="PlanRevision.Revise"/>'s on the
/// same inputs; its cost is the plan's source nodes and the learned rates, plus one prediction per item that moved.
/// Not thread-safe: one per drain.
/// </summary>
/// <param name="plan">The drain's plan as made at its start.</param>
public sealed class PlanReviser(DrainPlan plan)
{
    private readonly DrainPlan _plan = plan ?? throw new ArgumentNullException(nameof(plan));
    private readonly string[] _sources = [.. plan.Items.Select(i => i.Vmi.NodeName).Distinct(StringComparer.Ordinal)];
    private readonly Dictionary<string, (long? Nic, bool Learned)> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _drained = new(plan.Nodes, StringComparer.Ordinal);
    private long? _fastestReceiver;
    private Dictionary<string, long> _rates = new(StringComparer.Ordinal);
    private DrainPlan? _last;
    private (DrainPolicy Policy, ClusterMigrationConfig Config, IReadOnlyList<MigrationPolicySnapshot> Policies,
        IReadOnlyDictionary<string, long> Metrics, MigrationHistory History)? _inputs;

    /// <summary>How many items the last revision predicted again (all of them when it revised every item).</summary>
    public int LastPredicted { get; private set; }

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
        var all = _last is null || !SameInputs(snapshot, policy, history) || fastestReceiver != _fastestReceiver;
        _fastestReceiver = fastestReceiver;
        var nodeByName = new Dictionary<string, NodeSnapshot>(snapshot.Nodes.Count, StringComparer.Ordinal);
        foreach (var node in snapshot.Nodes)
        {
            nodeByName[node.Name] = node;
        }

        // The source nodes whose NIC (or its source) moved, and the uids whose learned rate moved.
        var movedNodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in _sources)
        {
            var now = (nodeByName.TryGetValue(name, out var node) ? node.NicBandwidthBytesPerSecond : null, learnedNics.Contains(name));
            if (!_nodes.TryGetValue(name, out var before) || before != now)
            {
                _nodes[name] = now;
                movedNodes.Add(name);
            }
        }

        var movedRates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (uid, rate) in rates)
        {
            if (!_rates.TryGetValue(uid, out var before) || before != rate)
            {
                movedRates.Add(uid);
            }
        }

        foreach (var uid in _rates.Keys)
        {
            if (!rates.ContainsKey(uid))
            {
                movedRates.Add(uid);
            }
        }

        _rates = new Dictionary<string, long>(rates, StringComparer.Ordinal);
        var merged = history.WithDirtyRates(rates);
        var items = new List<PlannedVmi>(_plan.Items.Count);
        var changed = false;
        var predicted = 0;
        for (var i = 0; i < _plan.Items.Count; i++)
        {
            var item = _plan.Items[i];
            var last = _last?.Items[i];
            if (item.Disposition != PlanDisposition.Migrate)
            {
                items.Add(item);
                continue;
            }

            if (!all && last is not null && !movedNodes.Contains(item.Vmi.NodeName) && !movedRates.Contains(item.Vmi.Uid))
            {
                items.Add(last);
                continue;
            }

            predicted++;
            var again = PlanRevision.Predict(item, snapshot, policy, merged, learnedNics, nodeByName, fastestReceiver);
            if (last is not null && again.Equals(last))
            {
                again = last;
            }

            changed |= !ReferenceEquals(again, last);
            items.Add(again);
        }

        LastPredicted = predicted;
        _inputs = (policy, snapshot.Config, snapshot.Policies, snapshot.MetricDirtyRates, history);
        _last = changed || _last is null ? _plan with { Items = items } : _last;
        return _last;
    }

    // Whether everything every item's prediction reads besides its node and its rate is as at the last revision.
    private bool SameInputs(ClusterSnapshot snapshot, DrainPolicy policy, MigrationHistory history) =>
        _inputs is { } inputs
        && ReferenceEquals(inputs.History, history)
        && ReferenceEquals(inputs.Config, snapshot.Config)
        && ReferenceEquals(inputs.Policies, snapshot.Policies)
        && (ReferenceEquals(inputs.Metrics, snapshot.MetricDirtyRates) || (inputs.Metrics.Count == 0 && snapshot.MetricDirtyRates.Count == 0))
        && (ReferenceEquals(inputs.Policy, policy) || inputs.Policy.Equals(policy));
}
