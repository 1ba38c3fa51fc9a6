using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Persistence.Attempts;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Learning;

/// <summary>
/// Learns within a running drain, with no annotations and no metrics needed (docs/learned-inputs.md, "Within a drain"):
/// every pass it reads the transfers of the drain's attempts (start, end, source, target, how they ended: the records,
/// and the VMI's <c>status.migrationState</c> while one runs) into a <see cref="DrainEvidence"/>; when the evidence
/// moves, it plans the remaining migrations again (<see cref="PlanReviser"/>, only the items whose inputs moved) with the NIC floors on the nodes no
/// annotation describes and the dirty rates learned, each guest's own or else its siblings' (<see cref="SiblingKey"/>).
/// The scheduler then decides from that plan and from a snapshot whose unannotated nodes carry the NIC floors.
/// Annotations and metrics keep precedence; with nothing learned the plan and the snapshot pass through unchanged.
/// </summary>
internal sealed class DrainLearner
{
    private readonly DrainPlan _plan;
    private readonly DrainPolicy _policy;
    private readonly MigrationHistory _history;
    private readonly ILogger _logger;
    private readonly string _drain;
    private readonly bool _enabled;
    private readonly Dictionary<string, PlannedVmi> _items;
    private Dictionary<string, PlannedVmi> _current;
    private readonly HashSet<string> _ended = new(StringComparer.Ordinal);
    private readonly DrainEvidence _evidence;
    private readonly SiblingWaits _siblings;
    private readonly StartupObservations _startups;
    private readonly PlanReviser _reviser;
    private readonly List<(string Uid, string Source)> _sources = [];
    private readonly NodeSlots _nodeSlots = new();
    private ClusterSnapshot? _nicsFrom;
    private int _applied;
    private int _startupsApplied;
    private DrainPlan _revised;
    private DrainPlan? _revisedFrom;
    private ClusterSnapshot? _source;
    private ClusterSnapshot? _adjusted;
    private int _adjustedAt = -1;
    private bool _primed;

    public DrainLearner(DrainPlan plan, DrainPolicy policy, MigrationHistory history, ILogger logger, string drain, bool enabled)
    {
        (_plan, _policy, _history, _logger, _drain, _enabled, _revised) = (plan, policy, history, logger, drain, enabled, plan);
        _evidence = new DrainEvidence(policy.CostModel.AssumedNicBandwidthBytesPerSecond, AnnotatedNic);
        _items = MigratingByUid(plan);
        _siblings = new SiblingWaits(_items.Values);
        _startups = new StartupObservations(policy, plan, logger, drain);
        _reviser = new PlanReviser(plan);
        _current = _items;
    }

    /// <summary>The policy the scheduler should decide with: its target start-up the one the current plan assumes.</summary>
    public DrainPolicy Policy => _startups.PolicyFor(_revised);

    /// <summary>
    /// For a pre-copy start of <paramref name="uid"/>, the transfer time after which it should switch to post-copy
    /// (<see cref="PreCopyGuard"/>), from the latest revised plan; null when it is not guarded, or when a sibling of its
    /// kind already ended a transfer (the plan has learned from it: it converged, or its siblings start in post-copy).
    /// </summary>
    public TimeSpan? PreCopyGuardOf(string uid) =>
        _enabled && _current.TryGetValue(uid, out var item) && !_siblings.IsKnown(uid) ? PreCopyGuard.SwitchAfter(item, _policy) : null;

    /// <summary>
    /// The snapshot and plan the scheduler should decide from this pass, and the guests that wait for a sibling
    /// (<see cref="SiblingWaits"/>; valid until the next call).
    /// </summary>
    public (ClusterSnapshot Snapshot, DrainPlan Plan, IReadOnlySet<string>? Waiting) Apply(ClusterState cluster, ClusterSnapshot snapshot,
        IReadOnlyList<AttemptRecord> records)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(records);
        if (!_enabled || _items.Count == 0)
        {
            return (snapshot, _plan, null);
        }

        _source = snapshot;
        if (!_primed)
        {
            // The reviser's first call predicts every item (it has no earlier inputs to compare with): made here, on
            // the first pass, its result unused, so the revision at the first evidence (the first migrations' ends,
            // when slots are to be refilled) predicts only what that evidence moved.
            _primed = true;
            _reviser.Revise(Adjusted(snapshot), _startups.Choose().Policy, _history, new Dictionary<string, long>(StringComparer.Ordinal),
                new HashSet<string>(StringComparer.Ordinal));
        }

        Observe(cluster, records);
        _startups.Observe(records, cluster);
        if (_evidence.Changes != _applied || _startups.Changes != _startupsApplied)
        {
            (_applied, _startupsApplied) = (_evidence.Changes, _startups.Changes);
            Revise(snapshot);
        }

        return (Adjusted(snapshot), _revised, _siblings.Waiting(_sources));
    }

    private void Observe(ClusterState cluster, IReadOnlyList<AttemptRecord> records)
    {
        // The running transfers first: a transfer that ended shared its NICs with them.
        var running = new List<ObservedTransfer>();
        _sources.Clear();
        foreach (var record in records)
        {
            if (record.IsFinal || record.IsRestart || !_items.TryGetValue(record.VmiUid, out var item))
            {
                continue;
            }

            var transfer = Running(record, item, cluster);
            _sources.Add((record.VmiUid, record.SourceNode));
            if (transfer is not null)
            {
                running.Add(transfer);
            }
        }

        _evidence.Running(running);
        foreach (var record in records)
        {
            if (!record.IsFinal || record.IsRestart || !_items.TryGetValue(record.VmiUid, out var item) || !_ended.Add(record.VmimName))
            {
                continue;
            }

            var ending = EndingOf(record);
            var postCopy = record.PostCopy || string.Equals(record.Mode, "PostCopy", StringComparison.Ordinal);
            if (!record.PostCopy && postCopy && ending == TransferEnding.Succeeded)
            {
                // A pre-copy attempt that switched to post-copy (a guarded one, PreCopyGuard, or under a policy of the
                // operator's that allows post-copy): it did not converge within its budget, at the bandwidth it got.
                (ending, postCopy) = (TransferEnding.DidNotConverge, false);
            }

            if (ending != TransferEnding.Failed)
            {
                _siblings.Known(record.VmiUid);
            }

            if (record is { StartedAt: { } start, FinishedAt: { } end, TargetNode: { } target } && end > start)
            {
                _evidence.Finished(Transfer(item, record.SourceNode, target, start, end, ending, postCopy));
            }
        }
    }

    // A running attempt's transfer as its VMI shows it (the record has its start only once progress was written).
    private static ObservedTransfer? Running(AttemptRecord record, PlannedVmi item, ClusterState cluster)
    {
        var state = cluster.FindVmi(record.VmiUid)?.Status?.MigrationState;
        var ours = state is not null && state.Completed != true
            && (record.VmimUid is null ? string.Equals(state.SourceNode, record.SourceNode, StringComparison.Ordinal)
                : string.Equals(state.MigrationUid, record.VmimUid, StringComparison.Ordinal));
        var start = record.StartedAt ?? (ours ? state!.StartTimestamp : null);
        var target = record.TargetNode ?? (ours ? state!.TargetNode : null);
        return start is { } s && target is not null
            ? Transfer(item, record.SourceNode, target, s, null, TransferEnding.Running, string.Equals(state?.Mode, "PostCopy", StringComparison.Ordinal))
            : null;
    }

    private static ObservedTransfer Transfer(PlannedVmi item, string source, string target, DateTimeOffset start, DateTimeOffset? end,
        TransferEnding ending, bool postCopy) =>
        new(item.Vmi.Uid, source, target, start, end, item.Vmi.MemoryBytes, item.Config.Settings.BandwidthPerMigrationBytesPerSecond,
            item.Config.Settings.MaxDowntime, ending, postCopy);

    private static TransferEnding EndingOf(AttemptRecord record) => record.Outcome switch
    {
        AttemptOutcome.Succeeded => TransferEnding.Succeeded,
        AttemptOutcome.Failed when record.FailureClass is nameof(Core.Failures.FailureKind.DidNotConverge) or nameof(Core.Failures.FailureKind.Stalled)
            => TransferEnding.DidNotConverge,
        _ => TransferEnding.Failed,
    };

    // Plans again from the evidence: each guest's own learned dirty rate, else the highest its siblings showed. Rates
    // below the assumed one are left out: a transfer a little slower than one pass mostly measures the hand-off.
    private void Revise(ClusterSnapshot snapshot)
    {
        var assumed = _policy.CostModel.AssumedDirtyRateBytesPerSecond;
        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (uid, rate) in _evidence.DirtyRates)
        {
            if (rate > assumed && _items.ContainsKey(uid) && _siblings.KindOf(uid) is var kind)
            {
                byKind[kind] = Math.Max(byKind.GetValueOrDefault(kind), rate);
            }
        }

        // Each guest's own rate first; the guests of a kind with a learned rate and none of their own take the kind's.
        var rates = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (uid, own) in _evidence.DirtyRates)
        {
            if (own > assumed && _items.ContainsKey(uid))
            {
                rates[uid] = own;
            }
        }

        var bySibling = 0;
        foreach (var (kind, sibling) in byKind)
        {
            foreach (var uid in _siblings.MembersOf(kind))
            {
                if (rates.TryAdd(uid, sibling))
                {
                    bySibling++;
                }
            }
        }

        var adjusted = Adjusted(snapshot);
        var (policy, startupSource) = _startups.Choose();
        var revised = _reviser.Revise(adjusted, policy, _history, rates, _evidence.NicFloors.Keys.ToHashSet(StringComparer.Ordinal));
        var previous = _revised;
        var sameStartup = previous.TargetStartup == policy.CostModel.TargetStartup && previous.TargetStartupSource == startupSource;
        if (!ReferenceEquals(revised, _revisedFrom) || !sameStartup)
        {
            // A new instance only when something in it changed, so the scheduler's index of the plan stays.
            _revised = revised.TargetStartup == policy.CostModel.TargetStartup && revised.TargetStartupSource == startupSource
                ? revised
                : revised with { TargetStartup = policy.CostModel.TargetStartup, TargetStartupSource = startupSource };
            _revisedFrom = revised;
            UpdateMigrating(previous, _revised);
        }

        LearningLog.Replanned(_logger, _drain, _evidence.NicFloors.Count, rates.Count, bySibling);
    }

    // The revised plan's migrating items that changed, by VMI uid (a revision keeps the plan's items, their order and
    // dispositions: only the instances of the items it predicted differently are new).
    private void UpdateMigrating(DrainPlan previous, DrainPlan revised)
    {
        if (ReferenceEquals(_current, _items))
        {
            _current = new Dictionary<string, PlannedVmi>(_items, StringComparer.Ordinal);
        }

        for (var i = 0; i < revised.Items.Count; i++)
        {
            var item = revised.Items[i];
            // The last item of its uid, as MigratingByUid keeps it.
            if (!ReferenceEquals(item, previous.Items[i]) && ReferenceEquals(_items.GetValueOrDefault(item.Vmi.Uid), _plan.Items[i]))
            {
                _current[item.Vmi.Uid] = item;
            }
        }
    }

    // The plan's items that migrate, by VMI uid.
    private static Dictionary<string, PlannedVmi> MigratingByUid(DrainPlan plan)
    {
        var items = new Dictionary<string, PlannedVmi>(StringComparer.Ordinal);
        foreach (var item in plan.Items)
        {
            if (item.Disposition == PlanDisposition.Migrate)
            {
                items[item.Vmi.Uid] = item;
            }
        }

        return items;
    }

    // The snapshot with each learned NIC floor on its (unannotated) node; the same instance while nothing changed.
    private ClusterSnapshot Adjusted(ClusterSnapshot snapshot)
    {
        var floors = _evidence.NicFloors;
        if (floors.Count == 0)
        {
            return snapshot;
        }

        if (_adjusted is not null && _adjustedAt == _applied && ReferenceEquals(_nicsFrom, snapshot))
        {
            return _adjusted;
        }

        var nodes = new List<NodeSnapshot>(snapshot.Nodes.Count);
        foreach (var node in snapshot.Nodes)
        {
            nodes.Add(node.NicBandwidthBytesPerSecond is null && floors.TryGetValue(node.Name, out var floor)
                ? node with { NicBandwidthBytesPerSecond = floor }
                : node);
        }

        (_adjusted, _adjustedAt, _nicsFrom) = (snapshot with { Nodes = nodes }, _applied, snapshot);
        return _adjusted;
    }

    // A node's annotated NIC bandwidth, from the latest snapshot.
    private long? AnnotatedNic(string node) =>
        _source is { } snapshot ? _nodeSlots.Find(snapshot.Nodes, node)?.NicBandwidthBytesPerSecond : null;
}
