using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Scale.Bench.Decisions;

/// <summary>
/// A drain in progress, built directly at a given point instead of replayed from its start: the first share of the
/// plan's migrations finished (2% after a failed first attempt), the next ones in flight up to the limits, a few retries
/// waiting out their backoff. Then it moves event by event as the engine sees it: every decision's starts become
/// in-flight attempts and VMIMs, and the oldest migration in flight finishes (1% of them fail). Seeded: the same
/// arguments give the same sequence of states.
/// </summary>
/// <remarks>
/// The state's lists are <see cref="List{T}"/>s, as the engine's mapping builds them, updated in place between
/// decisions so that the harness itself does not allocate (and collect) 100,000-element lists around every measured
/// call; Core reads a state only during the call.
/// </remarks>
internal sealed class DrainReplay
{
    public const string DrainId = "scale-bench";

    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static readonly FailureKind[] FailureKinds =
        [FailureKind.DidNotConverge, FailureKind.Stalled, FailureKind.TargetPodFailed, FailureKind.TargetUnschedulable, FailureKind.ApiError];

    private readonly ClusterSnapshot _initial;
    private readonly DrainPlan _plan;
    private readonly DrainPolicy _policy;
    private readonly ReplayFaults _faults;
    private readonly Random _random;
    private readonly List<NodeSnapshot> _nodes;
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);
    private readonly List<VmiSnapshot> _vmis;
    private readonly Dictionary<string, int> _vmiIndex = new(StringComparer.Ordinal);
    private readonly List<MigrationAttempt> _attempts = [];
    private readonly List<int> _inFlight = [];
    private readonly List<MigrationSnapshot> _unfinished = [];

    private DrainReplay(ClusterSnapshot cluster, DrainPlan plan, DrainPolicy policy, ReplayFaults faults, int seed)
    {
        _initial = cluster;
        _plan = plan;
        _policy = policy;
        _faults = faults;
        _random = new Random(seed);
        _nodes = [.. cluster.Nodes];
        _vmis = [.. cluster.Vmis];
        for (var i = 0; i < _nodes.Count; i++)
        {
            _nodeIndex[_nodes[i].Name] = i;
        }

        for (var i = 0; i < _vmis.Count; i++)
        {
            _vmiIndex[_vmis[i].Uid] = i;
        }
    }

    public DateTimeOffset Now { get; private set; }

    /// <summary>The drain with <paramref name="doneFraction"/> of its migrations finished.</summary>
    public static DrainReplay At(
        ClusterSnapshot cluster, DrainPlan plan, DrainPolicy policy, double doneFraction, int seed, ReplayFaults? faults = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(policy);
        var replay = new DrainReplay(cluster, plan, policy, faults ?? ReplayFaults.Calm, seed);
        var migrations = plan.Items.Where(i => i.Disposition == PlanDisposition.Migrate).ToList();
        var done = (int)(doneFraction * migrations.Count);
        replay.Now = T0 + TimeSpan.FromSeconds(12.0 * done);
        for (var k = 0; k < done; k++)
        {
            replay.Finished(migrations[k], T0 + TimeSpan.FromSeconds(12.0 * k));
        }

        var outbound = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = done; k < migrations.Count && replay._inFlight.Count < policy.MaxParallelMigrations; k++)
        {
            var item = migrations[k];
            var source = item.Vmi.NodeName;
            if (outbound.GetValueOrDefault(source) < policy.MaxOutboundPerNode && item.TentativeTarget is { } target)
            {
                outbound[source] = outbound.GetValueOrDefault(source) + 1;
                replay.StartAttempt(item.Vmi, 1, source, target, false, replay.Now - TimeSpan.FromSeconds(replay._random.Next(50)));
            }
        }

        if (done > 0)
        {
            // A few retries waiting out their backoff.
            for (var k = done + policy.MaxParallelMigrations; k < migrations.Count; k++)
            {
                if (replay._random.NextDouble() < 0.003 && migrations[k].TentativeTarget is { } target)
                {
                    var vmi = migrations[k].Vmi;
                    replay._attempts.Add(new MigrationAttempt(vmi.Uid, 1, AttemptKind.Migration, MigrationNaming.VmimName(DrainId, vmi.Uid, 1),
                        vmi.NodeName, target, false, AttemptStatus.Failed, replay.Now.AddSeconds(-40), replay.Now.AddSeconds(-5),
                        FailureKind.TargetPodFailed, "the target pod failed"));
                }
            }
        }

        if (replay._faults.ForeignMigrations && done + policy.MaxParallelMigrations + 3 < migrations.Count)
        {
            var vmi = migrations[done + policy.MaxParallelMigrations + 3].Vmi;
            replay._unfinished.Add(new MigrationSnapshot(vmi.Namespace, "evacuation-1", vmi.Name, vmi.NodeName, null, MigrationPhase.Pending,
                vmi.MemoryBytes));
            replay._unfinished.Add(new MigrationSnapshot("other", "evacuation-2", "other-vm", cluster.Nodes[1].Name, cluster.Nodes[2].Name,
                MigrationPhase.Running, 4L << 30));
        }

        return replay;
    }

    /// <summary>What the engine would hand the scheduler now.</summary>
    public SchedulerState State() => new(DrainId,
        _initial with { Nodes = _nodes, Vmis = _vmis, UnfinishedMigrations = _unfinished }, _plan, _attempts, _policy,
        OtherDrainingNodes: _faults.OtherDrainingNodes, LaterDrainNodes: _faults.LaterDrainNodes);

    /// <summary>Performs the decision's starts.</summary>
    public void Apply(SchedulerDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        foreach (var start in decision.Actions.OfType<StartMigration>())
        {
            StartAttempt(start.Vmi, start.Attempt, start.SourceNode, start.TargetNode, start.PostCopy, Now);
        }
    }

    /// <summary>The next event: the oldest migration in flight finishes, or the scheduler's timer fires.</summary>
    public void Advance(SchedulerDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        Disturb();
        if (_inFlight.Count == 0)
        {
            Now = decision.WakeAt ?? Now.AddSeconds(30);
            return;
        }

        var index = _inFlight[0];
        _inFlight.RemoveAt(0);
        Now = Now.AddSeconds(2 + _random.Next(20));
        var attempt = _attempts[index];
        _unfinished.RemoveAll(m => m.Name == attempt.Name);
        if (_random.NextDouble() < _faults.FailureRate)
        {
            var kind = FailureKinds[_random.Next(FailureKinds.Length)];
            _attempts[index] = attempt with { Status = AttemptStatus.Failed, FinishedAt = Now, Failure = kind, FailureMessage = kind.ToString() };
            return;
        }

        _attempts[index] = attempt with { Status = AttemptStatus.Succeeded, FinishedAt = Now };
        Move(attempt.VmiUid, attempt.SourceNode, attempt.TargetNode!);
    }

    // Someone else deletes a planned VMI, or moves one away, while it is not in flight.
    private void Disturb()
    {
        var gone = _random.NextDouble() < _faults.GoneRate;
        var moved = _random.NextDouble() < _faults.MovedRate;
        if (!gone && !moved)
        {
            return;
        }

        var item = _plan.Items[_random.Next(_plan.Items.Count)];
        if (!_vmiIndex.TryGetValue(item.Vmi.Uid, out var index) || _inFlight.Any(i => _attempts[i].VmiUid == item.Vmi.Uid))
        {
            return;
        }

        var vmi = _vmis[index];
        if (gone)
        {
            _vmiIndex.Remove(vmi.Uid);
            _vmis[index] = vmi with { Uid = vmi.Uid + "-deleted", Name = vmi.Name + "-deleted" };
        }
        else if (item.TentativeTarget is { } target && target != vmi.NodeName)
        {
            Move(vmi.Uid, vmi.NodeName, target);
        }
    }

    private void Finished(PlannedVmi item, DateTimeOffset startedAt)
    {
        var vmi = item.Vmi;
        var target = item.TentativeTarget ?? throw new InvalidOperationException($"{vmi.QualifiedName} has no tentative target");
        var number = 1;
        if (_random.NextDouble() < 0.02)
        {
            _attempts.Add(new MigrationAttempt(vmi.Uid, 1, AttemptKind.Migration, MigrationNaming.VmimName(DrainId, vmi.Uid, 1),
                vmi.NodeName, target, false, AttemptStatus.Failed, startedAt, startedAt.AddSeconds(200), FailureKind.DidNotConverge,
                "did not converge"));
            number = 2;
        }

        _attempts.Add(new MigrationAttempt(vmi.Uid, number, AttemptKind.Migration, MigrationNaming.VmimName(DrainId, vmi.Uid, number),
            vmi.NodeName, target, number == 2, AttemptStatus.Succeeded, startedAt, startedAt.AddSeconds(60)));
        Move(vmi.Uid, vmi.NodeName, target);
    }

    private void StartAttempt(VmiSnapshot vmi, int number, string source, string target, bool postCopy, DateTimeOffset at)
    {
        var name = MigrationNaming.VmimName(DrainId, vmi.Uid, number);
        _attempts.Add(new MigrationAttempt(vmi.Uid, number, AttemptKind.Migration, name, source, target, postCopy,
            AttemptStatus.InFlight, at));
        _inFlight.Add(_attempts.Count - 1);
        _unfinished.Add(new MigrationSnapshot(vmi.Namespace, name, vmi.Name, source, target,
            Now - at < TimeSpan.FromSeconds(8) ? MigrationPhase.Scheduling : MigrationPhase.Running, vmi.MemoryBytes));
    }

    private void Move(string uid, string source, string target)
    {
        var index = _vmiIndex[uid];
        var vmi = _vmis[index];
        _vmis[index] = vmi with { NodeName = target };
        var from = _nodeIndex[source];
        var to = _nodeIndex[target];
        _nodes[from] = _nodes[from] with { RequestedMemoryBytes = Math.Max(0, _nodes[from].RequestedMemoryBytes - vmi.MemoryBytes) };
        _nodes[to] = _nodes[to] with { RequestedMemoryBytes = _nodes[to].RequestedMemoryBytes + vmi.MemoryBytes };
    }
}
