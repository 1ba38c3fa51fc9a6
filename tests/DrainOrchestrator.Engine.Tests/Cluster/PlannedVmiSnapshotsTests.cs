using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Engine.Tests.Workflow;

namespace DrainOrchestrator.Engine.Tests.Cluster;

/// <summary>
/// The plan's VMIs kept from the change log (<see cref="PlannedVmiSnapshots"/> for Core, <see cref="PlannedVmiPlaces"/>
/// for progress) equal a search of the whole snapshot and of the whole view after every read of a random sequence of
/// changes, and what was handed out never changes afterwards.
/// </summary>
public sealed class PlannedVmiSnapshotsTests
{
    private static readonly string[] Drained = ["node-1", "node-4"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Update_RandomChangeSequences_EqualsASearchOfTheSnapshotAndTheView(int seed)
    {
        var cache = new ClusterCache();
        var changes = new RandomClusterChanges(seed);
        changes.Seed(cache);
        var plan = EveryPossibleVmi(cache);
        var snapshots = new SnapshotCache();
        var planned = new PlannedVmiSnapshots(plan);
        var places = new PlannedVmiPlaces(plan, Drained);
        var random = new Random(seed);
        var through = -1L;
        var (found, partial) = (0, 0);
        List<Core.Snapshot.VmiSnapshot?>? handedOut = null;
        IReadOnlyList<Core.Snapshot.VmiSnapshot?>? previous = null;
        for (var read = 0; read < 400; read++)
        {
            for (var i = random.Next(4); i > 0; i--)
            {
                changes.Step(cache);
            }

            var since = cache.ChangesSince(through);
            var state = cache.Current;
            var snapshot = snapshots.Update(state, since);
            places.Update(state, since);
            through = since.Through;
            var vmis = planned.Update(snapshots);
            if (previous is not null)
            {
                Assert.Equal(handedOut!, previous);
            }

            partial += planned.LastLookedUp < plan.Items.Count ? 1 : 0;
            for (var i = 0; i < plan.Items.Count; i++)
            {
                var uid = plan.Items[i].Vmi.Uid;
                Assert.Same(snapshot.Vmis.LastOrDefault(v => v.Uid == uid), vmis[i]);
                var inView = state.Vmis.FirstOrDefault(v => v.Metadata.Uid == uid);
                Assert.Equal(inView is not null, places.Exists(i));
                Assert.Equal(inView?.Status?.NodeName, places.NodeOf(i));
                Assert.Equal(inView is not null && Drained.Contains(inView.Status?.NodeName ?? ""), places.OnDrained(i));
                found += vmis[i] is null ? 0 : 1;
            }

            (previous, handedOut) = (vmis, [.. vmis]);
        }

        Assert.True(found > 1000, $"only {found} items found a VMI");
        Assert.True(partial > 300, $"only {partial} of 400 updates were partial");
    }

    [Fact]
    public void Update_NoChange_LooksNothingUpAndHandsOutTheSameList()
    {
        var cache = new ClusterCache();
        new RandomClusterChanges(5).Seed(cache);
        var plan = EveryPossibleVmi(cache);
        var snapshots = new SnapshotCache();
        var planned = new PlannedVmiSnapshots(plan);
        snapshots.Update(cache.Current, cache.ChangesSince(-1));
        var first = planned.Update(snapshots);
        snapshots.Update(cache.Current, cache.ChangesSince(cache.ChangesSince(-1).Through));
        var second = planned.Update(snapshots);

        Assert.Equal(0, planned.LastLookedUp);
        Assert.Same(first, second);
    }

    // An item for every VMI the random changes can make (each name with each of its uids), and a uid planned twice.
    private static DrainPlan EveryPossibleVmi(ClusterCache cache)
    {
        var template = DrainPlanner.Plan(SnapshotMapper.Map(cache.Current), [.. Enumerable.Range(0, 10).Select(n => "node-" + n)],
            DrainHarness.FastPolicy("skip")).Items[0];
        var items = new List<PlannedVmi>();
        foreach (var name in Enumerable.Range(0, 50).Select(i => "vm-" + i))
        {
            var ns = "ns-" + Math.Abs(name.GetHashCode(StringComparison.Ordinal) % 3);
            foreach (var uid in Enumerable.Range(0, 3).Select(u => name + "-" + u))
            {
                items.Add(template with { Vmi = template.Vmi with { Namespace = ns, Name = name, Uid = uid } });
            }
        }

        items.Add(items[4]);
        return new DrainPlan(Drained, items, [], [], TimeSpan.Zero);
    }
}
