using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Engine.Tests.Cluster;
using DrainOrchestrator.Engine.Tests.Workflow;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Tests.Migrate;

/// <summary>
/// <see cref="ProgressCounter"/> counts from arrays what a plain reading of the plan, the attempts and the view counts
/// (the reference below: sets of uids per node, each VMI looked up in the view), over random plans, attempts, give-ups
/// and views, uids planned twice included.
/// </summary>
public sealed class ProgressCounterTests
{
    private static readonly string[] Nodes = ["node-0", "node-1", "node-2", "node-3"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Count_RandomAttemptsAndViews_EqualsAPlainReading(int seed)
    {
        var rig = new Rig(seed);
        var (random, plan) = (rig.Random, rig.Plan);
        var nonZero = 0;
        for (var round = 0; round < 150; round++)
        {
            rig.Step(random.Next(5));
            var records = RandomRecords(plan, random);
            var givenUp = plan.Items.Where(_ => random.Next(15) == 0).Select(i => i.Vmi.Uid).ToHashSet(StringComparer.Ordinal);

            var counts = rig.CountAndCompare(records, givenUp);
            nonZero += counts.Any(c => c.Moved > 0 && c.FailedAttempts > 0 && c.InFlight > 0) ? 1 : 0;
        }

        Assert.True(nonZero > 50, $"only {nonZero} rounds counted moved, failed and in-flight VMs at once");
    }

    // As the migrate loop calls it: the attempts change a few at a time (new ones, outcomes), the give-ups grow in one set,
    // and the view moves a few VMIs, so most passes count only a few nodes again; each pass still equals the reference.
    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Count_AttemptsChangingAFewAtATime_EqualsAPlainReadingEveryPass(int seed)
    {
        var rig = new Rig(seed);
        var (random, plan) = (rig.Random, rig.Plan);
        var records = new List<AttemptRecord>();
        var givenUp = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = Enum.GetValues<AttemptOutcome>();
        var (unchanged, kept) = (0, 0);
        List<NodeProgress> last = [];
        for (var round = 0; round < 300; round++)
        {
            rig.Step(random.Next(3) == 0 ? 1 : 0);
            switch (random.Next(6))
            {
                case 0 or 1:
                    records.Add(RandomRecords(plan, random, 1, records.Count + 1)[0]);
                    break;
                case 2 when records.Count > 0:
                    var at = random.Next(records.Count);
                    records[at] = records[at] with { Outcome = outcomes[random.Next(outcomes.Length)] };
                    break;
                case 3 when random.Next(4) == 0:
                    givenUp.Add(plan.Items[random.Next(plan.Items.Count)].Vmi.Uid);
                    break;
                case 4 when random.Next(10) == 0 && records.Count > 0:
                    records.RemoveAt(random.Next(records.Count));
                    break;
                default:
                    break;
            }

            var counts = rig.CountAndCompare(records, givenUp);
            unchanged += ReferenceEquals(counts, last) ? 1 : 0;
            kept += counts.Where((c, k) => k < last.Count && ReferenceEquals(c, last[k])).Any() && !ReferenceEquals(counts, last) ? 1 : 0;
            last = counts;
        }

        // The incremental paths ran: passes where nothing moved, and passes that kept some nodes' counts.
        Assert.True(unchanged > 20, $"only {unchanged} passes found nothing changed");
        Assert.True(kept > 20, $"only {kept} passes counted only some nodes again");
    }

    // A random plan on a random view that changes as the tests step it, and a counter and places that follow it.
    private sealed class Rig
    {
        private readonly ClusterCache _cache = new();
        private readonly RandomClusterChanges _changes;
        private readonly PlannedVmiPlaces _places;
        private readonly ProgressCounter _counter;
        private long _through = -1;

        public Rig(int seed)
        {
            Random = new Random(seed);
            _changes = new RandomClusterChanges(seed);
            _changes.Seed(_cache);
            Plan = RandomPlan(_cache, Random);
            _places = new PlannedVmiPlaces(Plan, Nodes);
            _counter = new ProgressCounter(Plan, Nodes);
        }

        public Random Random { get; }

        public DrainPlan Plan { get; }

        // Changes the view `steps` times, and gives the places what changed.
        public void Step(int steps)
        {
            for (var i = steps; i > 0; i--)
            {
                _changes.Step(_cache);
            }

            var since = _cache.ChangesSince(_through);
            _through = since.Through;
            _places.Update(_cache.Current, since);
        }

        // The counter's counts and remaining time, each asserted equal to the plain reading.
        public List<NodeProgress> CountAndCompare(IReadOnlyList<AttemptRecord> records, HashSet<string> givenUp)
        {
            var counts = _counter.Count(records, givenUp, _places);
            Assert.Equal(Reference(Plan, Nodes, _cache.Current, records, givenUp), counts);
            Assert.Equal(ReferenceRemaining(Plan, Nodes, _cache.Current, records, givenUp), _counter.RemainingSeconds(givenUp, _places));
            return counts;
        }
    }

    // The counts as the migrate loop computed them before ProgressCounter, with every VMI looked up in the view.
    private static List<NodeProgress> Reference(DrainPlan plan, IReadOnlyList<string> nodes, ClusterState cluster,
        IReadOnlyList<AttemptRecord> records, HashSet<string> givenUp)
    {
        var inFlight = records.Where(r => !r.IsFinal).Select(r => r.VmiUid).ToHashSet(StringComparer.Ordinal);
        var failures = new AttemptFailures(records);
        var succeededFrom = records.Where(r => r.Outcome == AttemptOutcome.Succeeded)
            .GroupBy(r => r.SourceNode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byNode = plan.Items.GroupBy(i => i.Vmi.NodeName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new List<NodeProgress>();
        foreach (var node in nodes)
        {
            var items = byNode.GetValueOrDefault(node) ?? [];
            var migrating = items.Where(i => i.Disposition is PlanDisposition.Migrate or PlanDisposition.Restart).ToList();
            var movedOff = (succeededFrom.GetValueOrDefault(node) ?? []).Select(r => r.VmiUid).ToHashSet(StringComparer.Ordinal);
            var moved = migrating
                .Where(i => (movedOff.Contains(i.Vmi.Uid) || cluster.FindVmi(i.Vmi.Uid) is not { } v || v.Status?.NodeName != node)
                    && !(i.Disposition == PlanDisposition.Restart && inFlight.Contains(i.Vmi.Uid)))
                .Select(i => i.Vmi.Uid).ToHashSet(StringComparer.Ordinal);
            var given = migrating.Count(i => givenUp.Contains(i.Vmi.Uid));
            var flying = migrating.Count(i => inFlight.Contains(i.Vmi.Uid));
            var failedAttempts = migrating.Sum(i => failures.Of(i.Vmi.Uid));
            var retrying = migrating.Count(i => failures.Of(i.Vmi.Uid) > 0 && !moved.Contains(i.Vmi.Uid) && !givenUp.Contains(i.Vmi.Uid));
            var planned = items.Select(i => i.Vmi.Uid).ToHashSet(StringComparer.Ordinal);
            var movedEarlier = (succeededFrom.GetValueOrDefault(node) ?? []).Where(r => !planned.Contains(r.VmiUid))
                .Select(r => r.VmiUid).Distinct(StringComparer.Ordinal).Count();
            result.Add(new NodeProgress(node, items.Count + movedEarlier, moved.Count + movedEarlier, migrating.Count - moved.Count - given,
                flying, failedAttempts, retrying, given, items.Count - migrating.Count));
        }

        return result;
    }

    private static double ReferenceRemaining(DrainPlan plan, IReadOnlyList<string> nodes, ClusterState cluster,
        IReadOnlyList<AttemptRecord> records, HashSet<string> givenUp)
    {
        var succeeded = records.Where(r => r.Outcome == AttemptOutcome.Succeeded).Select(r => r.VmiUid).ToHashSet(StringComparer.Ordinal);
        return plan.Items.Where(i => i.Disposition == PlanDisposition.Migrate && !succeeded.Contains(i.Vmi.Uid)
                && cluster.FindVmi(i.Vmi.Uid) is { } v && nodes.Contains(v.Status?.NodeName ?? "") && !givenUp.Contains(i.Vmi.Uid))
            .Sum(i => i.Estimate.Duration.TotalSeconds);
    }

    // Every name of the random changes with one of its uids, planned on a random node (drained or not), migrating,
    // restarting or skipped; a few uids planned twice.
    private static DrainPlan RandomPlan(ClusterCache cache, Random random)
    {
        var template = DrainPlanner.Plan(SnapshotMapper.Map(cache.Current), [.. Enumerable.Range(0, 10).Select(n => "node-" + n)],
            DrainHarness.FastPolicy("skip")).Items[0];
        var dispositions = new[] { PlanDisposition.Migrate, PlanDisposition.Migrate, PlanDisposition.Restart, PlanDisposition.Skip };
        var items = new List<PlannedVmi>();
        foreach (var name in Enumerable.Range(0, 50).Select(i => "vm-" + i))
        {
            var ns = "ns-" + Math.Abs(name.GetHashCode(StringComparison.Ordinal) % 3);
            var uid = name + "-" + random.Next(3);
            items.Add(template with
            {
                Vmi = template.Vmi with { Namespace = ns, Name = name, Uid = uid, NodeName = "node-" + random.Next(6) },
                Disposition = dispositions[random.Next(dispositions.Length)],
                Estimate = template.Estimate with { Duration = TimeSpan.FromSeconds(1 + random.Next(100)) },
            });
        }

        items.Add(items[3]);
        items.Add(items[7] with { Disposition = PlanDisposition.Restart });
        return new DrainPlan(Nodes, items, [], [], TimeSpan.Zero);
    }

    private static List<AttemptRecord> RandomRecords(DrainPlan plan, Random random) => RandomRecords(plan, random, random.Next(80), 1);

    private static List<AttemptRecord> RandomRecords(DrainPlan plan, Random random, int count, int firstId)
    {
        var outcomes = Enum.GetValues<AttemptOutcome>();
        var classes = Enum.GetNames<FailureKind>().Append(null).ToArray();
        var records = new List<AttemptRecord>();
        for (var i = firstId + count - 1; i >= firstId; i--)
        {
            var uid = random.Next(10) == 0 ? "not-planned-" + random.Next(4) : plan.Items[random.Next(plan.Items.Count)].Vmi.Uid;
            records.Add(new AttemptRecord(i, Guid.Empty, 1, 1, "ns", "vm", uid, "node-" + random.Next(6), null, "vmim-" + i, null, null,
                outcomes[random.Next(outcomes.Length)], classes[random.Next(classes.Length)], null, null, null, "{}", false,
                DateTimeOffset.UnixEpoch, null, null, null));
        }

        return records;
    }
}
