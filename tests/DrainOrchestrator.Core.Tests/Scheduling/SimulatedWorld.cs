using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>A deliberately crude cluster for property tests: migrations end at random times, some fail.</summary>
internal sealed class SimulatedWorld
{
    private static readonly FailureKind[] Kinds =
        [FailureKind.DidNotConverge, FailureKind.TargetPodFailed, FailureKind.TargetUnschedulable, FailureKind.ApiError, FailureKind.Stalled];

    private readonly Random _random;
    private readonly double _failureRate;
    private readonly Dictionary<string, NodeSnapshot> _nodes;
    private readonly Dictionary<string, VmiSnapshot> _vmis;
    private readonly List<(MigrationSnapshot Migration, DateTimeOffset EndsAt)> _foreign = [];
    private readonly Dictionary<string, (int Index, DateTimeOffset EndsAt, bool Fails)> _ours = new(StringComparer.Ordinal);
    private readonly ClusterSnapshot _initial;

    public SimulatedWorld(ClusterSnapshot initial, IReadOnlyList<string> drained, Random random, double failureRate)
    {
        _initial = initial;
        _random = random;
        _failureRate = failureRate;
        _nodes = initial.Nodes.ToDictionary(n => n.Name);
        _vmis = initial.Vmis.ToDictionary(v => v.Uid);
        for (var i = 0; i < 2; i++)
        {
            var source = i == 0 ? drained[0] : "node-7";
            var migration = new MigrationSnapshot("foreign", "evacuation-" + i, "foreign-vm-" + i, source, "node-9", MigrationPhase.Running, 1L << 30);
            _foreign.Add((migration, SchedulerFixture.T0.AddSeconds(30 + random.Next(120))));
        }
    }

    public List<MigrationAttempt> Attempts { get; } = [];

    public ClusterSnapshot Snapshot()
    {
        var unfinished = _foreign.Select(f => f.Migration)
            .Concat(_ours.Keys.Select(name => Attempts[_ours[name].Index])
                .Select(a => new MigrationSnapshot("default", a.Name, _vmis[a.VmiUid].Name, a.SourceNode, a.TargetNode,
                    MigrationPhase.Running, _vmis[a.VmiUid].MemoryBytes)))
            .ToList();
        return _initial with { Nodes = [.. _nodes.Values], Vmis = [.. _vmis.Values], UnfinishedMigrations = unfinished };
    }

    public void Start(StartMigration start, DateTimeOffset now)
    {
        Assert.DoesNotContain(Attempts, a => a.Name == start.Name);
        Attempts.Add(SchedulerFixture.InFlight(start, now));
        var duration = TimeSpan.FromSeconds(5 + _random.Next(300));
        _ours[start.Name] = (Attempts.Count - 1, now + duration, _random.NextDouble() < _failureRate);
    }

    /// <summary>
    /// Foreign VMIMs may exceed a limit on their own (the world starts that way); what must hold is that nothing the
    /// scheduler just started pushed a count over its limit.
    /// </summary>
    public void AssertLimits(DrainPolicy policy, IReadOnlyList<StartMigration> started)
    {
        var running = Snapshot().UnfinishedMigrations;
        if (started.Count > 0)
        {
            Assert.True(running.Count <= policy.MaxParallelMigrations, $"{running.Count} in flight, limit {policy.MaxParallelMigrations}");
        }

        Assert.All(running.GroupBy(m => m.SourceNode).Where(g => started.Any(s => s.SourceNode == g.Key)),
            g => Assert.True(g.Count() <= policy.MaxOutboundPerNode, $"{g.Count()} out of {g.Key}, limit {policy.MaxOutboundPerNode}"));
        Assert.All(running.Where(m => !m.Name.StartsWith("evacuation", StringComparison.Ordinal)).GroupBy(m => m.TargetNode),
            g => Assert.True(g.Count() <= policy.MaxInboundPerNode, $"{g.Count()} into {g.Key}"));
        Assert.All(_nodes.Values, n => Assert.True(n.RequestedMemoryBytes <= n.AllocatableMemoryBytes, $"{n.Name} overcommitted"));
    }

    /// <summary>Moves time to the next completion or the scheduler's wake-up, whichever is first, and applies it.</summary>
    public DateTimeOffset AdvanceTo(DateTimeOffset? wakeAt, DateTimeOffset now)
    {
        var next = _ours.Values.Select(o => o.EndsAt).Concat(_foreign.Select(f => f.EndsAt)).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        if (wakeAt is { } wake && wake < next)
        {
            next = wake;
        }

        Assert.NotEqual(DateTimeOffset.MaxValue, next);
        next = next < now ? now : next;
        _foreign.RemoveAll(f => f.EndsAt <= next);
        foreach (var (name, (index, endsAt, fails)) in _ours.Where(o => o.Value.EndsAt <= next).ToList())
        {
            _ours.Remove(name);
            var attempt = Attempts[index];
            if (fails)
            {
                Attempts[index] = SchedulerFixture.Finish(attempt, endsAt, Kinds[_random.Next(Kinds.Length)]);
                continue;
            }

            Attempts[index] = SchedulerFixture.Finish(attempt, endsAt);
            var vmi = _vmis[attempt.VmiUid];
            var target = _nodes[attempt.TargetNode!];
            _nodes[target.Name] = target with { RequestedMemoryBytes = target.RequestedMemoryBytes + vmi.MemoryBytes };
            var source = _nodes[attempt.SourceNode];
            _nodes[source.Name] = source with { RequestedMemoryBytes = Math.Max(0, source.RequestedMemoryBytes - vmi.MemoryBytes) };
            _vmis[vmi.Uid] = vmi with { NodeName = target.Name };
        }

        return next;
    }
}
