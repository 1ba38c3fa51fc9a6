using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;
using static DrainOrchestrator.Core.Tests.Scheduling.SchedulerFixture;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>The scheduler's per-plan index: built once per plan instance, never stale, safe to share.</summary>
public sealed class PlanIndexTests
{
    private static DrainPlan Plan(out ClusterSnapshot cluster)
    {
        cluster = RandomCluster.Generate(3, 20, 300);
        return DrainPlanner.Plan(cluster, ["node-1", "node-2", "node-3"], new DrainPolicy { NonMigratableAction = NonMigratableAction.Skip });
    }

    [Fact]
    public void For_SamePlanTwice_SameIndex()
    {
        var plan = Plan(out _);

        Assert.Same(PlanIndex.For(plan), PlanIndex.For(plan));
    }

    [Fact]
    public void For_CopyOfPlan_OwnIndex()
    {
        var plan = Plan(out _);
        var copy = plan with { };

        Assert.NotSame(PlanIndex.For(plan), PlanIndex.For(copy));
        Assert.Same(copy, PlanIndex.For(copy).Plan);
    }

    [Fact]
    public void For_ItemsChangedInPlaceAfterFirstUse_Rebuilt()
    {
        var plan = Plan(out var cluster);
        var items = plan.Items.ToList();
        var mutable = plan with { Items = items };
        var before = DrainScheduler.Decide(new SchedulerState(DrainId, cluster, mutable, [], new DrainPolicy()), T0);

        // Nothing left to migrate: a stale index would still start the first decision's migrations.
        items.RemoveAll(i => i.Disposition == PlanDisposition.Migrate);
        var after = DrainScheduler.Decide(new SchedulerState(DrainId, cluster, mutable, [], new DrainPolicy()), T0);

        Assert.NotEmpty(before.Actions);
        Assert.Empty(after.Actions);
        Assert.Equal(0, after.Remaining);
    }

    [Fact]
    public void MigrationOrder_LongestFirstThenUid()
    {
        var index = PlanIndex.For(Plan(out _));

        var order = index.MigrationOrder.Select(i => index.Items[i]).ToList();

        Assert.All(order, i => Assert.Equal(PlanDisposition.Migrate, i.Disposition));
        Assert.Equal(order.OrderByDescending(i => i.Estimate.Duration).ThenBy(i => i.Vmi.Uid, StringComparer.Ordinal), order);
    }

    // A revised plan (PlanReviser: the same VMIs in the same order, some predicted again) derives its index from the last
    // one built; each derived index still orders and finds as a plain reading of its own plan.
    [Fact]
    public void For_RevisedPlans_IndexOfEachEqualsAPlainReading()
    {
        var plan = Plan(out _);
        var random = new Random(7);
        _ = PlanIndex.For(plan);
        for (var round = 0; round < 10; round++)
        {
            var items = plan.Items.Select(i => i.Disposition == PlanDisposition.Migrate && random.Next(4) == 0
                ? i with { Estimate = i.Estimate with { Duration = TimeSpan.FromSeconds(random.Next(1, 300)) } }
                : i).ToList();
            plan = plan with { Items = items };

            var index = PlanIndex.For(plan);

            Assert.Same(plan, index.Plan);
            Assert.Equal(plan.Items, index.Items);
            var order = index.MigrationOrder.Select(i => index.Items[i]).ToList();
            Assert.Equal(plan.Items.Where(i => i.Disposition == PlanDisposition.Migrate).OrderByDescending(i => i.Estimate.Duration)
                .ThenBy(i => i.Vmi.Uid, StringComparer.Ordinal), order);
            for (var i = 0; i < items.Count; i++)
            {
                Assert.Equal(i, index.LastIndexOf(items[i].Vmi.Uid));
                Assert.Same(items[i], index.ItemOf(items[i].Vmi.Uid));
                Assert.Equal(index.DrainedIndexOf(items[i].Vmi.NodeName), index.PlannedSource[i]);
            }
        }
    }

    // Many items moved at once: all by the same amount (a learned start-up, PlanReviser), which keeps the order, or
    // each by its own, which does not; the derived order is still the plain one.
    [Fact]
    public void For_RevisedPlansManyMoved_OrderEqualsAPlainReading()
    {
        var plan = DrainPlanner.Plan(RandomCluster.Generate(3, 12, 2000, nodeMemoryGiB: 4096), ["node-1", "node-2", "node-3"],
            new DrainPolicy { NonMigratableAction = NonMigratableAction.Skip });
        Assert.True(plan.Items.Count(i => i.Disposition == PlanDisposition.Migrate) > 200);
        var random = new Random(11);
        _ = PlanIndex.For(plan);
        for (var round = 0; round < 8; round++)
        {
            var shift = TimeSpan.FromSeconds(random.Next(-5, 6));
            var items = plan.Items.Select(i => i.Disposition != PlanDisposition.Migrate ? i
                : round % 2 == 0 ? i with { Estimate = i.Estimate with { Duration = i.Estimate.Duration + shift } }
                : i with { Estimate = i.Estimate with { Duration = TimeSpan.FromSeconds(random.Next(1, 300)) } }).ToList();
            plan = plan with { Items = items };

            var index = PlanIndex.For(plan);

            var order = index.MigrationOrder.Select(i => index.Items[i]).ToList();
            Assert.Equal(plan.Items.Where(i => i.Disposition == PlanDisposition.Migrate).OrderByDescending(i => i.Estimate.Duration)
                .ThenBy(i => i.Vmi.Uid, StringComparer.Ordinal), order);
        }
    }

    [Fact]
    public void Decide_ManyThreadsOnOnePlan_SameDecisionAsAlone()
    {
        var plan = Plan(out var cluster);
        var policy = new DrainPolicy { NonMigratableAction = NonMigratableAction.Skip };
        var times = Enumerable.Range(0, 16).Select(i => T0.AddSeconds(i * 7)).ToList();
        var alone = times.Select(t => DrainScheduler.Decide(new SchedulerState(DrainId, cluster, plan with { }, [], policy), t)).ToList();

        var shared = plan with { };
        var together = new SchedulerDecision[times.Count];
        Parallel.For(0, times.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => together[i] = DrainScheduler.Decide(new SchedulerState(DrainId, cluster, shared, [], policy), times[i]));

        for (var i = 0; i < times.Count; i++)
        {
            Assert.Equal(alone[i].Actions, together[i].Actions);
            Assert.Equal(alone[i].WakeAt, together[i].WakeAt);
        }
    }
}
