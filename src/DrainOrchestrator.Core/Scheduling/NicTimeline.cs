using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// When each source node's migration NIC is predicted to be free: what the migrations in flight out of it send, queued
/// at the NIC's rate one after another, each from its predicted transfer start (start of the attempt plus the start-up
/// time), from the earliest such start on.
/// A migration started now sends nothing until its target is ready; started before the NIC is free minus that start-up
/// it shares the NIC (slower, with more pages dirtied meanwhile), started later it leaves the NIC idle. Starting just in
/// time lets a target pod start while the previous transfer runs, and keeps equal migrations from running in lockstep,
/// finishing together and leaving the NIC idle while both next target pods start. The same queues by receiver time the
/// migrations that only a few receivers admit (<see cref="ReceiverReadyAt"/>): the receiver's inbound NIC is their
/// critical path, so the next one starts as the previous transfer into it ends.
/// </summary>
/// <remarks>
/// Capped transfers (<c>bandwidthPerMigration</c>): when every transfer queued on a source runs at a rate of at most
/// half its NIC, k = ⌊NIC / fastest rate⌋ of them run side by side without slowing each other, each at its own rate.
/// The NIC is then k servers, and it is free for another transfer as soon as one of them is (KubeVirt alone keeps those
/// slots busy; counting the bytes at the NIC's whole rate one after another left them idle). When the caps leave at
/// least a tenth of the NIC idle (NIC − k·cap), a (k+1)-th lane may take it, every lane then at NIC / (k+1): only
/// within the per-node limit, when every migration planned out of the source converges at its node's share
/// (<see cref="PlanIndex.SharesNic"/>), and when the transfers in flight re-dirty less than that idle capacity (seed 144
/// of the random-instance check: two capped lanes on a 10 Gbit/s NIC took 24.0 s where KubeVirt alone, running three,
/// took 22.9 s; with the spare lane 22.9 s).
/// </remarks>
internal sealed class NicTimeline
{
    // A migration predicted never to finish still ends (it is aborted); a cap keeps the arithmetic in range.
    private const double MaxQueuedSeconds = 30 * 24 * 3600;

    // Capped transfers side by side on one NIC: at most this many lanes; one lane more than the caps fit only when the
    // caps leave at least this fraction of the NIC idle.
    private const int MaxLanes = 64;
    private const double SpareFraction = 0.1;

    // Per source, in order of transfer start (equal starts in the order queued): the bytes and the rate the transfer
    // gets alone (at most the NIC's).
    private readonly Dictionary<string, List<(DateTimeOffset TransferStart, double Bytes, double Rate, bool HoldsSlot)>> _bySource = new(StringComparer.Ordinal);

    // Per receiver, the bytes still to arrive from each transfer start (seconds depend on the receiver's NIC, known to the caller).
    private readonly Dictionary<string, List<(DateTimeOffset TransferStart, double Bytes)>> _byTarget = new(StringComparer.Ordinal);
    // Per source, what the transfers in flight out of it would suffer from sharing its NIC (see SlotFiller).
    private readonly Dictionary<string, SharingLoad> _load = new(StringComparer.Ordinal);
    // The cluster's timestamps are whole seconds, truncated.
    private static readonly TimeSpan StampResolution = TimeSpan.FromSeconds(1);

    // After a transfer that needs the NIC to itself, the next one starts this much after its predicted end.
    private static readonly TimeSpan DedicatedGuard = TimeSpan.FromSeconds(0.5);

    private readonly SourceNics _nics;
    private readonly PlanIndex _plan;
    private readonly int _perNode;
    private readonly DateTimeOffset _now;
    private readonly TimeSpan _startup;

    // From a decision to its transfer's start: the engine's reaction (SchedulerState.ReactionLead), then the start-up.
    private readonly TimeSpan _ahead;

    private NicTimeline(SourceNics nics, PlanIndex plan, int perNode, DateTimeOffset now, TimeSpan startup, TimeSpan reaction)
    {
        _nics = nics;
        _plan = plan;
        _perNode = perNode;
        _now = now;
        _startup = startup;
        _ahead = startup + (reaction > TimeSpan.Zero ? reaction : TimeSpan.Zero);
    }

    public static NicTimeline Build(SchedulerState state, PlanIndex plan, FlightCounters counters, DateTimeOffset now)
    {
        var costModel = state.Policy.CostModel;
        var timeline = new NicTimeline(
            SourceNics.Of(state, plan, counters), plan, state.Policy.MaxOutboundPerNode, now, costModel.TargetStartup, state.ReactionLead);
        var phases = new Dictionary<string, MigrationPhase>(StringComparer.Ordinal);
        foreach (var migration in state.Cluster.UnfinishedMigrations)
        {
            phases[migration.Namespace + "/" + migration.Name] = migration.Phase;
        }

        var ours = new HashSet<string>(StringComparer.Ordinal);
        var earliest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (attempt, item) in counters.OursInFlight)
        {
            var key = item.Vmi.Namespace + "/" + attempt.Name;
            ours.Add(key);
            var transferStart = timeline.TransferStart(attempt);
            if (transferStart < now && phases.TryGetValue(key, out var phase) && phase < MigrationPhase.Running)
            {
                // Its target is slower to get ready than predicted: the transfer has not begun yet.
                transferStart = now;
            }

            var estimate = item.AloneEstimate ?? item.Estimate;
            var elapsed = Math.Max(0, (now - transferStart).TotalSeconds);
            var remaining = Math.Max(0, estimate.TransferredBytes - (estimate.BandwidthBytesPerSecond * elapsed));
            // The source's NIC is one server: every byte of every transfer in flight out of it, from its start, in
            // order (FreeAt). Transfers that overlapped (a slot filler beside a long one) slowed each other, which
            // counting each alone from its own start would miss.
            timeline.Queue(attempt.SourceNode, transferStart, estimate.TransferredBytes, estimate.BandwidthBytesPerSecond);
            timeline.QueueInto(attempt.TargetNode, transferStart, remaining);
            timeline.AddLoad(attempt.SourceNode, item, attempt.PostCopy, transferStart);
            if (!earliest.TryGetValue(attempt.SourceNode, out var first) || transferStart < first)
            {
                earliest[attempt.SourceNode] = transferStart;
            }
        }

        timeline.QueueOverlappingFinished(state, plan, earliest);

        foreach (var migration in state.Cluster.UnfinishedMigrations)
        {
            if (!migration.IsFinished && !ours.Contains(migration.Namespace + "/" + migration.Name))
            {
                // Someone else's migration: its progress is unknown, so count all of its memory from now on.
                var start = migration.Phase >= MigrationPhase.Running ? now : now + timeline._startup;
                timeline.Queue(migration.SourceNode, start, migration.MemoryBytes);
                timeline.QueueInto(migration.TargetNode, start, migration.MemoryBytes);
                timeline._load[migration.SourceNode] = timeline.LoadOf(migration.SourceNode) with { Unknown = true };
            }
        }

        return timeline;
    }

    // Our finished transfers that ended after a transfer still in flight out of the same source began: they shared the
    // NIC with it, so what they sent (at most the NIC's rate over their transfer) delayed it.
    private void QueueOverlappingFinished(SchedulerState state, PlanIndex plan, Dictionary<string, DateTimeOffset> earliest)
    {
        if (earliest.Count == 0)
        {
            return;
        }

        var oldest = earliest.Values.Min();
        foreach (var attempt in state.Attempts)
        {
            if (attempt.FinishedAt is not { } finished || finished <= oldest || attempt.Kind != AttemptKind.Migration
                || attempt.Status == AttemptStatus.InFlight || !earliest.TryGetValue(attempt.SourceNode, out var first)
                || finished <= first || plan.ItemOf(attempt.VmiUid) is not { } item)
            {
                continue;
            }

            // A success sent what its estimate says (its transfer start is only predicted: it may have ended sooner after
            // it than the estimate took); a failure at most the NIC's rate until it ended.
            var transferStart = TransferStart(attempt);
            var estimate = item.AloneEstimate ?? item.Estimate;
            var sent = attempt.Status == AttemptStatus.Succeeded
                ? estimate.TransferredBytes
                : Math.Min(estimate.TransferredBytes, _nics.Of(attempt.SourceNode) * Math.Max(0, (finished - transferStart).TotalSeconds));
            Queue(attempt.SourceNode, transferStart, sent, estimate.BandwidthBytesPerSecond, holdsSlot: false);
        }
    }

    // When an attempt's transfer began: the cluster's stamp once it has one; before that, the intent plus the engine's
    // usual reaction and a start-up, or a start-up after this engine's own create of the VMIM (MigrationAttempt.CreatedAt,
    // its clock) when that is later. Not the intent alone once the transfer runs: a create that took long after the
    // intent (a first connection, a busy engine, a journal commit stalled on the disk, drain-sim at speed 20) would put the
    // transfer's end too early, and its source would take its next migration too soon, sharing a NIC that one transfer
    // needs alone (a loaded CI runner: the second of two databases began sending before the first had converged). Never
    // earlier than the usual reaction gives, though: the next start is timed by that same reaction, and a create faster
    // than usual, dated exactly, would leave the next transfer starting as much too soon. The stamp is whole seconds,
    // truncated, so alone it leans early, as an assumed start-up does: a start-up after the create refines it when it
    // falls within the stamp's second. A stamp past now (the cluster's clock ahead of the engine's) counts as now, and
    // one more than its resolution before the intent is an earlier migration's (the VMI's migration state still showed
    // it when the attempt was read). The cluster's creation stamp is not used: dating a transfer from it (in place of the
    // intent's date) measured slower on the rehearsal of the demo at speed 50 (175 s against 150 s), where the intent's
    // earlier date covered the engine's reaction; the create's own time moves the date only past that usual reaction.
    private DateTimeOffset TransferStart(MigrationAttempt attempt)
    {
        var intended = attempt.StartedAt;
        DateTimeOffset? afterCreate = attempt.CreatedAt is { } created && created >= intended ? created + _startup : null;
        if (attempt.TransferStartedAt is { } stamped && stamped >= intended - StampResolution)
        {
            var start = stamped < intended ? intended : stamped;
            if (afterCreate is { } refined && refined > start && refined < stamped + StampResolution)
            {
                start = refined;
            }

            return start > _now ? _now : start;
        }

        var usual = intended + _ahead;
        return afterCreate is { } late && late > usual ? late : usual;
    }

    /// <summary>When everything queued on <paramref name="source"/>'s NIC is predicted to have been sent (now or later).</summary>
    public DateTimeOffset FreeAt(string source)
    {
        var free = PredictedFree(source);
        return free > _now ? free : _now;
    }

    /// <summary>
    /// When a migration out of <paramref name="source"/> first became (or becomes) due: its NIC's predicted free time
    /// minus a start-up and the engine's reaction, in the past as well; <see cref="DateTimeOffset.MinValue"/> when nothing
    /// was queued on it. <see cref="ReadyAt"/> is the same time, not before now.
    /// </summary>
    public DateTimeOffset DueSince(string source)
    {
        var free = PredictedFree(source);
        return free == DateTimeOffset.MinValue ? free : free - _ahead;
    }

    // When everything queued on the source's NIC is predicted to have been sent, past or future; MinValue for nothing.
    private DateTimeOffset PredictedFree(string source)
    {
        if (!_bySource.TryGetValue(source, out var queue))
        {
            return DateTimeOffset.MinValue;
        }

        double nic = Math.Max(1, _nics.Of(source));
        var load = LoadOf(source);
        var (lanes, laneRate) = Lanes(source, queue, nic, load);
        var free = DateTimeOffset.MinValue;
        if (lanes > 1)
        {
            free = CappedFreeAt(queue, lanes, laneRate);
        }
        else
        {
            foreach (var (start, bytes, _, _) in queue)
            {
                free = Sent(free, start, bytes, nic);
            }
        }

        // A transfer that needs the NIC to itself at its end (or runs in post-copy) is not shared even for the moment the
        // prediction errs early by: the cluster decides convergence at its own steps and stamps whole seconds.
        return free != DateTimeOffset.MinValue && (load.Dedicated || load.LaterDedicated) ? free + DedicatedGuard : free;
    }

    // How many of the queued transfers the NIC carries side by side, and the rate each gets: ⌊NIC / fastest rate⌋ at
    // their own rates, or one more at an equal share of the NIC each when spare lanes are allowed and the caps leave at
    // least a tenth of the NIC idle; else 1.
    private (int Lanes, double Rate) Lanes(
        string source, List<(DateTimeOffset TransferStart, double Bytes, double Rate, bool HoldsSlot)> queue, double nic, SharingLoad load)
    {
        double fastest = 0;
        foreach (var (_, _, rate, _) in queue)
        {
            fastest = Math.Max(fastest, rate);
        }

        if (fastest <= 0 || fastest >= nic)
        {
            return (1, nic);
        }

        var lanes = (int)Math.Min(MaxLanes, Math.Floor(nic / fastest));
        var spare = nic - (lanes * fastest);
        if (lanes < MaxLanes && spare >= SpareFraction * nic && SpareLaneAllowed(source, lanes + 1, spare, load))
        {
            return (lanes + 1, nic / (lanes + 1));
        }

        return lanes > 1 ? (lanes, double.PositiveInfinity) : (1, nic);
    }

    // Whether a source's capped transfers may take one lane more than the caps fit (lanes, leaving spare bytes/s of the
    // NIC idle), each slowed to an equal share of the NIC: the per-node limit allows that many, every migration planned
    // out of the source converges at that share (PlanIndex.SharesNic: the planner predicts each at its node's share),
    // nothing in flight out of it is someone else's, needs the NIC or runs in post-copy, and the pages the slowed
    // transfers re-dirty (at most their dirty rates) cost less than the NIC capacity the extra lane puts to use.
    private bool SpareLaneAllowed(string source, int lanes, double spare, SharingLoad load)
    {
        var drained = _plan.DrainedIndexOf(source);
        return lanes <= _perNode && drained >= 0 && _plan.SharesNic[drained] && !load.Unknown && !load.Dedicated && !load.LaterDedicated
            && load.DirtyRate <= spare;
    }

    // The earliest time one of the lanes is free: each transfer, in order of start, on the lane free first, at its rate.
    private DateTimeOffset CappedFreeAt(List<(DateTimeOffset TransferStart, double Bytes, double Rate, bool HoldsSlot)> queue, int lanes, double laneRate)
    {
        Span<DateTimeOffset> free = stackalloc DateTimeOffset[lanes];
        free.Fill(DateTimeOffset.MinValue);
        foreach (var (start, bytes, rate, _) in queue)
        {
            var lane = 0;
            for (var i = 1; i < lanes; i++)
            {
                if (free[i] < free[lane])
                {
                    lane = i;
                }
            }

            free[lane] = Sent(free[lane], start, bytes, Math.Max(1, Math.Min(rate, laneRate)));
        }

        var earliest = free[0];
        for (var i = 1; i < lanes; i++)
        {
            earliest = free[i] < earliest ? free[i] : earliest;
        }

        return earliest;
    }

    /// <summary>
    /// When each migration in flight (or started in this decision) is predicted to end and free its slots: its source's
    /// NIC sends the queued transfers one after another. Seconds from now (0 for one already overdue), with the source.
    /// </summary>
    public List<(string Source, double EndsIn)> SlotEnds()
    {
        var ends = new List<(string, double)>();
        foreach (var (source, queue) in _bySource)
        {
            double nic = Math.Max(1, _nics.Of(source));
            var free = DateTimeOffset.MinValue;
            foreach (var (start, bytes, _, holdsSlot) in queue)
            {
                free = Sent(free, start, bytes, nic);
                if (holdsSlot)
                {
                    ends.Add((source, Math.Max(0, (free - _now).TotalSeconds)));
                }
            }
        }

        return ends;
    }

    // When a transfer queued behind what is sent by `free` has sent `bytes` at `rate`: from its start or from `free`.
    private static DateTimeOffset Sent(DateTimeOffset free, DateTimeOffset start, double bytes, double rate) =>
        (start > free ? start : free) + TimeSpan.FromSeconds(Math.Min(MaxQueuedSeconds, bytes / rate));

    /// <summary>The earliest time a migration out of <paramref name="source"/> should start (now or later).</summary>
    public DateTimeOffset ReadyAt(string source)
    {
        var due = DueSince(source);
        return due > _now ? due : _now;
    }

    /// <summary>Whether a migration started now would find the NIC free when its target is ready.</summary>
    public bool IsReady(string source) => ReadyAt(source) <= _now;

    /// <summary>
    /// The earliest time a migration into <paramref name="target"/> (whose NIC carries <paramref name="nic"/> bytes/s)
    /// should start so that its transfer begins as the transfers already headed there end (now or later).
    /// </summary>
    public DateTimeOffset ReceiverReadyAt(string target, long nic)
    {
        if (!_byTarget.TryGetValue(target, out var queue))
        {
            return _now;
        }

        var free = _now;
        foreach (var (start, bytes) in queue)
        {
            free = Sent(free, start, bytes, Math.Max(1, nic));
        }

        var ready = free - _ahead;
        return ready > _now ? ready : _now;
    }

    /// <summary>Queues a migration started now out of <paramref name="source"/> into <paramref name="target"/>.</summary>
    public void Start(string source, string target, PlannedVmi item)
    {
        var estimate = item.AloneEstimate ?? item.Estimate;
        Queue(source, _now + _ahead, estimate.TransferredBytes, estimate.BandwidthBytesPerSecond);
        QueueInto(target, _now + _ahead, estimate.TransferredBytes);
        AddLoad(source, item, item.StartsInPostCopy, _now + _ahead);
    }

    /// <summary>The bandwidth of <paramref name="source"/>'s NIC, known or assumed.</summary>
    public long Nic(string source) => _nics.Of(source);

    /// <summary>The target start-up the timeline assumes.</summary>
    public TimeSpan Startup => _startup;

    /// <summary>The decision's time.</summary>
    public DateTimeOffset Now => _now;

    /// <summary>What the migrations in flight (or started in this decision) out of <paramref name="source"/> would suffer from sharing its NIC.</summary>
    public SharingLoad LoadOf(string source) => _load.GetValueOrDefault(source);

    // A guest whose dirty pages reach their ceiling (its working set) before its first pass ends loses nothing but NIC
    // time to a transfer that shares the NIC during that first pass: the pages it re-dirties meanwhile are the same
    // ones. Its drain phase after that first pass is where sharing costs (its share drains slower than it dirties).
    private void AddLoad(string source, PlannedVmi item, bool postCopy, DateTimeOffset transferStart)
    {
        var estimate = item.AloneEstimate ?? item.Estimate;
        var load = LoadOf(source);
        var dirty = item.DirtyRateBytesPerSecond;
        var firstPass = item.Vmi.MemoryBytes / (double)Math.Max(1, estimate.BandwidthBytesPerSecond);
        var saturates = !postCopy && dirty is { } d && item.Vmi.WorkingSetBytes is { } w && d * firstPass >= w;
        _load[source] = saturates
            ? load with
            {
                Bandwidth = load.Bandwidth + estimate.BandwidthBytesPerSecond,
                FreeUntil = Earlier(load.FreeUntil, transferStart + TimeSpan.FromSeconds(Math.Min(MaxQueuedSeconds, firstPass))),
                LaterDirtyRate = load.LaterDirtyRate + dirty!.Value,
                LaterDedicated = load.LaterDedicated || item.NeedsDedicatedBandwidth,
            }
            : load with
            {
                DirtyRate = load.DirtyRate + Math.Max(0, dirty ?? 0),
                Bandwidth = load.Bandwidth + estimate.BandwidthBytesPerSecond,
                Dedicated = load.Dedicated || item.NeedsDedicatedBandwidth || postCopy,
                Unknown = load.Unknown || dirty is null,
            };
    }

    private static DateTimeOffset Earlier(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    private void QueueInto(string? target, DateTimeOffset transferStart, double bytes)
    {
        if (target is null)
        {
            return;
        }

        if (!_byTarget.TryGetValue(target, out var queue))
        {
            queue = [];
            _byTarget[target] = queue;
        }

        var at = queue.Count;
        while (at > 0 && queue[at - 1].TransferStart > transferStart)
        {
            at--;
        }

        queue.Insert(at, (transferStart, bytes));
    }

    private void Queue(string source, DateTimeOffset transferStart, double bytes, double rate = 0, bool holdsSlot = true)
    {
        if (!_bySource.TryGetValue(source, out var queue))
        {
            queue = [];
            _bySource[source] = queue;
        }

        // After every entry that starts no later: the order a stable sort by start would give.
        var at = queue.Count;
        while (at > 0 && queue[at - 1].TransferStart > transferStart)
        {
            at--;
        }

        queue.Insert(at, (transferStart, bytes, rate > 0 ? Math.Min(rate, _nics.Of(source)) : _nics.Of(source), holdsSlot));
    }
}
